// English: the source text of the guides.
import type { ShippedLanguage } from './types';

export const EN: ShippedLanguage = {
  overview: {
    title: 'How to make a leadership development initiative',
    summary:
      'What a leadership development initiative is, who these guides are for, and the five phases that take an idea to a finished, documented project.',
    body: `A leadership development initiative helps people in your community grow as leaders: a workshop on facilitation, an online course, a guidebook for new organizers, a mentoring programme for future board members. These guides explain how to make one, step by step.

# Where the guides come from
The Leadership Development Working Group, fifteen volunteers from all eight Wikimedia regions, wrote a shared **Leadership Definition** and a **Leadership Development Plan** (LDP) in 2022–23. The plan has three sections: leadership roles and skills, with a self-assessment; navigating leadership situations; and a step-by-step guide to starting a leadership development initiative. These guides follow that third section, in the network's own words.

# Who they are for
- An affiliate coordinator who wants to train the people who will run the next events.
- A community organizer who sees the same few people doing everything and wants more to take on responsibility.
- A grantee with a training background who wants to adapt their experience to Wikimedia communities.

You do not need to be an expert. You need a problem worth solving and a few people willing to work on it with you.

# The five phases
1. **Define**: who the learners are, what problem the initiative solves, what resources it needs.
2. **Design**: learning objectives and a format: workshop, online course, guidebook or mentoring.
3. **Develop**: materials, facilitators and translations, tested with a few people.
4. **Implement**: run it and keep participants engaged.
5. **Evaluate**: what changed, what you learned, and what to share.

The phases overlap in practice: you will think about evaluation while you design, and change materials while you run them. Each guide ends with a checklist; an initiative on this platform shows the checklist of the phase it is in.

# How this platform helps
Post your idea as an initiative to get feedback early. When you are ready, open a call for collaborators with goals, jobs to be done and a timeframe. Post progress updates for the people who follow you, record the evaluation at the end, and your initiative joins the archive of past initiatives, where others can learn from it.

# A few principles
- **Start small.** A two-hour workshop that works teaches you more than a year-long programme that never starts.
- **Work in the open.** Share plans, materials and results so others can reuse and adapt them.
- **Plan for turnover.** Volunteers move on. Have co-leads, keep notes, and hand over roles when you need to step back.
- **Think locally.** Leadership varies with local contexts; adapt examples, languages and formats to your community.
- **Keep it safe.** The Universal Code of Conduct applies to every space, online and offline.`,
    checklist: {
      'read-ldp':
        'Read the Leadership Definition and the Leadership Development Plan, at least its step-by-step guide.',
      'look-around': 'Look for similar initiatives in the archive and talk to people who ran them.',
      'co-lead': 'Find at least one co-lead, so the initiative does not depend on one person.',
      'post-idea': 'Post your idea on the platform to get feedback early.',
    },
  },

  define: {
    title: 'Define: who, what problem, what resources',
    summary: 'Decide who the learners are, what problem the initiative solves for them, and what it needs to succeed.',
    body: `Good initiatives start from a problem, not from a format. Before you plan a workshop or a course, be clear about whom you want to help and why.

# What problem does it solve?
Write the problem in one or two sentences, in the words of the people who have it. For example: "New editors in our region never become event organizers", "The same three volunteers run every activity and they are tired", or "Our user group's new board has never chaired a meeting." Then ask how you know: from conversations, a survey, event reports, or your own experience. If you are not sure, talk to a few people before you go further.

# Who are the learners?
Be specific. Newcomers, experienced editors stepping into organizing, affiliate board members and young volunteers need different things. Describe:
- what they already know and do;
- how much time they can give, and when;
- which languages they work in and how good their internet connection is;
- what would make them want to take part.

Talk to two or three of them now. It is the cheapest way to avoid designing the wrong thing.

# Which skills?
The LDP's first section describes leadership roles and skills, with a self-assessment that helps learners see their own gaps. Choose a few skills, such as facilitation, conflict resolution, volunteer management or public speaking, rather than "leadership" in general. A narrow focus is easier to teach and easier to evaluate.

# Languages, regions and groups
Say which languages the initiative will run in, which regions it is for, and which groups take part: affiliates, user groups, groups that are not affiliated, or people without a group. This decides who you can reach and who can help, and it lets others with the same needs find you.

# What resources do you need?
- **People**: co-leads, facilitators, translators, mentors.
- **Time**: how many weeks, and how many hours a week volunteers can realistically give.
- **Money**, if any: venue, connectivity support, materials. Movement grants exist for skills and leadership development.
- **Material** you can reuse: the LDP and its translations, WikiLearn courses, sources shared in the network, documentation of past initiatives.

# Write it down
Sum up in one paragraph: "For *these learners* in *these languages and regions*, who struggle with *this problem*, we will help build *these skills*. We need *these resources*." That paragraph is your idea: post it on the platform and ask for feedback.`,
    checklist: {
      problem: 'Write the problem in one or two sentences, and note how you know it is real.',
      learners: 'Describe the learners: what they already know, how much time they have, how they connect.',
      reach: 'Name the languages, regions and groups the initiative is for.',
      skills: 'Choose the few leadership skills the initiative will build.',
      resources: 'List the people, time, money and material you need, and where they could come from.',
      team: 'Find co-leads and the people the initiative needs, so it does not rest on one person.',
      idea: 'Post the idea on the platform and ask for feedback.',
    },
  },

  design: {
    title: 'Design: objectives and format',
    summary:
      'Turn the problem into learning objectives, choose a format (workshop, online course, guidebook or mentoring) and plan how you will know it worked.',
    body: `In the Design phase you decide what participants will learn and how.

# Write learning objectives
An objective says what participants will be able to **do** afterwards, in a way you can observe. "Participants can run a one-hour online meeting with an agenda and shared notes" is better than "participants understand facilitation". Three to five objectives are enough. Each should answer the problem you defined.

# Choose a format
- **Workshop**, online or in person: good for practice and feedback. It needs facilitators and a shared time; across time zones, offer the same session at two times.
- **Online course**, for example on WikiLearn: reaches many people at their own pace and can be translated, but takes long to build, and many people do not finish without support.
- **Guidebook** or handout: cheap to share and translate, readable offline and on slow connections, but offers no practice.
- **Mentoring**: pairs experienced and new leaders. It goes deep, but it is slow and depends on mentors' time.

Formats combine well: a short course followed by mentoring, or a workshop with a guidebook to keep.

# Plan the sessions
Outline each session or chapter: its objective, the activities, the time each takes, and what participants do between sessions. People learn leadership by practising it: use role plays, real situations from your community, and the situations described in the LDP's second section.

# Design for everyone
- Languages: which ones, and who translates.
- Time zones and schedules: volunteers have jobs, studies and families.
- Connectivity: light slides, recordings, materials that work on a phone.
- Accessibility: captions, readable documents, venues people can reach.
- Safety: the Universal Code of Conduct applies; say how to raise a problem.

# Plan the evaluation now
Decide now how you will know whether it worked. The LDP's self-assessment, taken before and after, is a simple measure. Plan to count the people you reach by region and language, and note what you would like participants to do afterwards.

# Find collaborators
List the jobs to be done, such as facilitator, translator, designer or mentor, with the time each takes. Open a call for collaborators on the platform with your goals, these jobs and a timeframe.`,
    checklist: {
      objectives: 'Write three to five learning objectives that say what participants will be able to do.',
      format: 'Choose the format and say why it fits your learners.',
      syllabus: 'Outline the sessions or chapters, with activities and timing.',
      inclusion: 'Plan for languages, time zones, slow connections and accessibility.',
      'evaluation-plan': 'Decide how you will measure change, for example with the self-assessment before and after.',
      call: 'Open a call for collaborators naming the jobs to be done and the timeframe.',
    },
  },

  develop: {
    title: 'Develop: materials, facilitators, translations',
    summary:
      'Build or adapt the materials, prepare the facilitators, translate, and test everything with a few people before the real thing.',
    body: `In the Develop phase the plan becomes something people can use.

# Reuse before you write
Much already exists: the Leadership Definition and the LDP with their translations, WikiLearn courses, the sources people share in the network, and the documentation of past initiatives in the archive. Adapting a good piece of material is faster than writing a new one, and improving it helps the next team too.

# Make the materials
Slides, handouts, exercises, facilitator notes, short videos. Keep them plain: short sentences, examples from your own community, files small enough for slow connections. Publish under a free license and put slides and images on Wikimedia Commons, so others can reuse them.

# Prepare the facilitators
Share the objectives and the session plan with every facilitator. Hold a dry run. Decide who presents, who watches the chat, who keeps time and who steps in if a conflict arises. Facilitators should know the Universal Code of Conduct and how to report a problem.

# Translate and adapt
A faithful translation keeps the meaning; an adaptation changes examples and references for a local context. Both are welcome; say which one you made. Have a second speaker review each language. Keep track of which version is the source, so that when it changes you know which translations need updating.

# Test with a few people
Run a short pilot with three to five learners, or ask a few people to read the material. Note where they got lost, what took longer than planned and what they did not need. Fix it before the real thing.

# Prepare the logistics
- Registration, with dates shown in participants' own time zones, and the option to register privately.
- A venue or meeting link, and a chat for questions.
- Outreach: the network's Telegram channel, community noticeboards, mailing lists and your group's channels. Post an update on the platform.`,
    checklist: {
      reuse: 'Check the archive and the shared sources for material you can reuse.',
      materials: 'Prepare slides, handouts, exercises and facilitator notes under a free license.',
      facilitators: 'Brief the facilitators and hold a dry run.',
      translations: 'Translate or adapt the materials, and have a second person review each language.',
      pilot: 'Test the materials with a few learners and fix what confused them.',
      logistics: "Set up registration, dates in participants' time zones, and outreach.",
    },
  },

  implement: {
    title: 'Implement: run it and keep participants engaged',
    summary:
      'Run the sessions, keep participants engaged and supported between them, look after the team and record what happens.',
    body: `In the Implement phase you run the initiative. Things will not go exactly as planned; that is normal.

# Before the first session
Send reminders with the time in each person's time zone and the link or address. Share the schedule, the time commitment and any preparation. Remind everyone of the Universal Code of Conduct and say how to raise a problem.

# During the sessions
Start with introductions and the objectives. Let participants practise more than they listen: discussion in small groups, role plays, real cases. Check regularly whether people follow, and take breaks. Record only with everyone's consent, and share recordings and notes for those who could not attend.

# Keep participants engaged
Between sessions, give small tasks that apply what was learned in participants' own communities. A chat group or mentoring pairs keep people connected. Recognize effort: thank people publicly, give certificates or badges. When someone drops out, ask kindly why; the answer will improve the next round.

# Look after the team
Share the work among the leads and facilitators, and meet briefly after each session to adjust. Watch for burnout, including your own: self-care is a leadership skill too. If a lead must step back, hand over openly: pass on notes and contacts, and mark the initiative as seeking a new lead so others can volunteer.

# Keep records as you go
- Attendance, counted by region and language. Demographic questions are optional, and their answers are kept only as long as needed.
- Notes of each session, and what you changed from the plan and why.
- Photos only with consent.

Post progress updates on the platform: the people who follow your initiative will be notified, and the updates become part of its documentation.`,
    checklist: {
      welcome: 'Send reminders and set expectations, including the Universal Code of Conduct.',
      run: 'Run the sessions with practice, not only presentations.',
      engagement: 'Keep in touch between sessions and follow up with people who drop out.',
      records: 'Record attendance, notes and changes to the plan, respecting privacy.',
      updates: 'Post progress updates for the people who follow the initiative.',
      team: 'Share the load in the team and hand over roles when someone needs to step back.',
    },
  },

  evaluate: {
    title: 'Evaluate: what changed, lessons, what to share',
    summary:
      'Measure what changed against your objectives, write down the lessons learned, and share the results so the network can build on them.',
    body: `In the Evaluate phase you find out what the initiative achieved and make sure others can learn from it.

# Compare with your objectives
Go back to the goals and learning objectives you set. For each, write what actually happened. Use the measures you planned: the self-assessment before and after, a short survey, and above all what participants did afterwards: did they organize an event, join a board, mentor someone?

# Count whom you reached
Count the participants by region and language, and how many completed. Numbers are not everything, but partners and funders ask for them, and they show where the network is growing.

# Collect the lessons
Ask participants, facilitators and co-leads what worked, what did not, and what they would do differently. A one-hour retrospective meeting is often enough. Write down the surprises too: they are the most useful part for the next team.

# Share
- Record the evaluation on the platform: outcomes against each goal, the people reached, lessons learned.
- Publish a report on Meta-Wiki and the slides on Wikimedia Commons, and link them from the initiative.
- Tell the network, for example at the ambassadors' meetings or in the Telegram channel.
- If your experience shows that the Leadership Definition or the LDP should change for your community, suggest an amendment: the network improves its documents through its partners' trials and errors.

Once evaluated, the initiative is archived with its documentation, where anyone planning something similar can find it.

# Follow up
Lasting change shows after months, not days. Set a follow-up date, three to six months later, to check what stayed, and decide whether to run the initiative again, hand it to another group, or close it.`,
    checklist: {
      changes: 'Record the outcome against each goal.',
      reach: 'Count the people reached by region and language.',
      lessons: 'Write down the lessons learned and what you would do differently.',
      documentation: 'Publish the documentation, such as a report on Meta-Wiki and slides on Commons.',
      share: 'Share the results with the network and suggest improvements to the LDP.',
      'follow-up': 'Set a follow-up date to check what lasted.',
    },
  },
};
