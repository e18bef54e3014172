// Imported first by the process entry: libraries that read NODE_ENV when they load (Vue's server renderer picks
// its production build by it, several times faster than the development one) see 'production' unless the
// environment says otherwise.
process.env.NODE_ENV ??= 'production';
