// The first steps' page and loader, one lazy chunk (ui/lazy-routes.ts).
export { default as WelcomePage } from './WelcomePage.vue';
export { loadWelcome } from './load';
