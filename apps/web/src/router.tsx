import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout, type RouteHandle } from './shared/AppLayout.js';
import { RequireAuth, RequirePermission } from './shared/RequireAuth.js';

const LoginPage = lazy(() => import('./features/auth/LoginPage.js'));
const ChangePasswordPage = lazy(() => import('./features/auth/ChangePasswordPage.js'));
const HomePage = lazy(() => import('./features/home/HomePage.js'));
const OrgPage = lazy(() => import('./features/org/OrgPage.js'));
const UsersPage = lazy(() => import('./features/users/UsersPage.js'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.js'));
const PlansPage = lazy(() => import('./features/plans/PlansPage.js'));
const PlanEditorPage = lazy(() => import('./features/plans/PlanEditorPage.js'));
const ResultsPage = lazy(() => import('./features/results/ResultsPage.js'));
const ConsequencesPage = lazy(() => import('./features/consequences/ConsequencesPage.js'));
const ArchivePage = lazy(() => import('./features/consequences/ArchivePage.js'));
const TodoPage = lazy(() => import('./features/notices/TodoPage.js'));
const NoticesPage = lazy(() => import('./features/notices/NoticesPage.js'));
const ProgressPage = lazy(() => import('./features/progress/ProgressPage.js'));
const BulletinPage = lazy(() => import('./features/progress/BulletinPage.js'));
const SupervisionPage = lazy(() => import('./features/supervision/SupervisionPage.js'));
const AnnouncementsPage = lazy(() => import('./features/announcements/AnnouncementsPage.js'));
const MyTaskBookPage = lazy(() => import('./features/taskbooks/MyTaskBookPage.js'));
const ReviewQueuePage = lazy(() => import('./features/taskbooks/ReviewQueuePage.js'));
const CalendarPage = lazy(() => import('./features/calendar/CalendarPage.js'));
const SubmissionsPage = lazy(() => import('./features/submissions/SubmissionsPage.js'));
const VerificationPage = lazy(() => import('./features/verification/VerificationPage.js'));
const EventsPage = lazy(() => import('./features/events/EventsPage.js'));
const ImportsPage = lazy(() => import('./features/imports/ImportsPage.js'));
const HotlinePage = lazy(() => import('./features/hotline/HotlinePage.js'));
const LivePage = lazy(() => import('./features/live/LivePage.js'));
const CockpitPage = lazy(() => import('./features/cockpit/CockpitPage.js'));
const MyScorePage = lazy(() => import('./features/cockpit/MyScorePage.js'));
const BallotPage = lazy(() => import('./features/surveys/BallotPage.js'));
const PollPage = lazy(() => import('./features/surveys/PollPage.js'));
const SurveysPage = lazy(() => import('./features/surveys/SurveysPage.js'));
const PaperPage = lazy(() => import('./features/paper/PaperPage.js'));
const CommentsPage = lazy(() => import('./features/comments/CommentsPage.js'));
const ObjectionsPage = lazy(() => import('./features/objections/ObjectionsPage.js'));
const RectificationsPage = lazy(() => import('./features/rectification/RectificationsPage.js'));
const InquiriesPage = lazy(() => import('./features/inquiries/InquiriesPage.js'));
const RatingsPage = lazy(() => import('./features/rectification/RatingsPage.js'));
const RatingRoundPage = lazy(() => import('./features/rectification/RatingRoundPage.js'));
const CallsPage = lazy(() => import('./features/innovation/CallsPage.js'));
const InnovationProjectsPage = lazy(() => import('./features/innovation/ProjectsPage.js'));
const AssignmentPage = lazy(() => import('./features/innovation/AssignmentPage.js'));
const ExpertsPage = lazy(() => import('./features/innovation/ExpertsPage.js'));
const JudgePage = lazy(() => import('./features/innovation/JudgePage.js'));
const ScoringSettingsPage = lazy(() => import('./features/innovation/ScoringSettingsPage.js'));
const DefencePage = lazy(() => import('./features/innovation/DefencePage.js'));
const DefenceBoardPage = lazy(() => import('./features/innovation/DefenceBoardPage.js'));
const InnovationResultsPage = lazy(() => import('./features/innovation/ResultsPage.js'));
const LatestCall = lazy(() => import('./features/innovation/LatestCall.js'));
const QuestionnairesPage = lazy(() => import('./features/questionnaires/QuestionnairesPage.js'));
const QuestionnaireBuilderPage = lazy(() => import('./features/questionnaires/QuestionnaireBuilderPage.js'));
const PublicResultsPage = lazy(() => import('./features/publication/PublicResultsPage.js'));
const ResultsDocumentPage = lazy(() => import('./features/publication/ResultsDocumentPage.js'));
const ScreenPage = lazy(() => import('./features/screen/ScreenPage.js'));
const NotFoundPage = lazy(() => import('./shared/NotFoundPage.js'));

const h = (crumb: string): RouteHandle => ({ crumb });

/** A call's results: the office computes and applies them, leaders read them. */
const INNOVATION_RESULTS = ['innovation.manage', 'innovation.experts'];

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // The public ballot (one person, one code): no sign-in.
  { path: '/ballot', element: <BallotPage /> },
  // The public e-poll (Z11): no code, no sign-in; a captcha and one ballot per device.
  { path: '/poll/:groupId', element: <PollPage /> },
  // The public results page (S13): what the office made public at publicity, no sign-in.
  { path: '/public/results/:runId?', element: <PublicResultsPage /> },
  // The large screen (大屏): a kiosk link's token is its only key, no session (issue 13 point 4).
  { path: '/screen/:token', element: <ScreenPage /> },
  {
    element: <RequireAuth />,
    children: [
      { path: '/change-password', element: <ChangePasswordPage /> },
      // The printable bulletin has no menu (print CSS, A4).
      // The official results notice of a run, printable on A4 (no menu, like the bulletin).
      {
        path: '/results-document/:planId/:runId',
        element: (
          <RequirePermission permission="results.read">
            <ResultsDocumentPage />
          </RequirePermission>
        ),
      },
      {
        path: '/bulletin/:planId',
        element: (
          <RequirePermission permission="progress.read">
            <BulletinPage />
          </RequirePermission>
        ),
      },
      {
        path: '/',
        element: <AppLayout />,
        handle: h('nav.home'),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'todos', handle: h('cycleNav.todos'), element: <TodoPage /> },
          { path: 'announcements', handle: h('cycleNav.announcements'), element: <AnnouncementsPage /> },
          {
            path: 'notices/:id?',
            handle: h('cycleNav.notices'),
            element: (
              <RequirePermission permission="notices.read">
                <NoticesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'progress',
            handle: h('cycleNav.progress'),
            element: (
              <RequirePermission permission="progress.read">
                <ProgressPage />
              </RequirePermission>
            ),
          },
          {
            path: 'supervision',
            handle: h('cycleNav.supervision'),
            element: (
              <RequirePermission permission="supervision.manage">
                <SupervisionPage />
              </RequirePermission>
            ),
          },
          {
            path: 'org',
            handle: h('nav.org'),
            element: (
              <RequirePermission permission="org.read">
                <OrgPage />
              </RequirePermission>
            ),
          },
          {
            path: 'plans',
            handle: h('nav.plans'),
            children: [
              {
                index: true,
                element: (
                  <RequirePermission permission="plans.read">
                    <PlansPage />
                  </RequirePermission>
                ),
              },
              {
                path: ':id',
                handle: h('planEditor.crumb'),
                element: (
                  <RequirePermission permission="plans.read">
                    <PlanEditorPage />
                  </RequirePermission>
                ),
              },
            ],
          },
          {
            path: 'submissions',
            handle: h('submissionsNav.submissions'),
            element: (
              <RequirePermission permission="submissions.write">
                <SubmissionsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'verification',
            handle: h('submissionsNav.verification'),
            element: (
              <RequirePermission permission="submissions.verify">
                <VerificationPage />
              </RequirePermission>
            ),
          },
          {
            path: 'events',
            handle: h('eventsNav.events'),
            element: (
              <RequirePermission permission="events.read">
                <EventsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'imports',
            handle: h('eventsNav.imports'),
            element: (
              <RequirePermission permission="data.import">
                <ImportsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'cockpit',
            handle: h('cockpitNav.cockpit'),
            element: (
              <RequirePermission permission="cockpit.read">
                <CockpitPage />
              </RequirePermission>
            ),
          },
          {
            path: 'my-score',
            handle: h('cockpitNav.myScore'),
            element: (
              <RequirePermission permission="results.read">
                <MyScorePage />
              </RequirePermission>
            ),
          },
          {
            path: 'live',
            handle: h('submissionsNav.live'),
            element: (
              <RequirePermission permission="results.read">
                <LivePage />
              </RequirePermission>
            ),
          },
          {
            path: 'surveys',
            handle: h('surveysNav.surveys'),
            element: (
              <RequirePermission permission="surveys.read">
                <SurveysPage />
              </RequirePermission>
            ),
          },
          {
            path: 'paper',
            handle: h('paperNav.paper'),
            element: (
              <RequirePermission permission="surveys.enter">
                <PaperPage />
              </RequirePermission>
            ),
          },
          {
            path: 'comments',
            handle: h('commentsNav.office'),
            element: (
              <RequirePermission permission="surveys.manage">
                <CommentsPage office />
              </RequirePermission>
            ),
          },
          {
            path: 'objections',
            handle: h('objectionsNav.objections'),
            element: (
              <RequirePermission permission="results.read">
                <ObjectionsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'rectifications',
            handle: h('rectificationNav.rectifications'),
            element: (
              <RequirePermission permission="rectification.read">
                <RectificationsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'innovation',
            children: [
              {
                path: 'calls',
                handle: h('innovationNav.calls'),
                children: [
                  {
                    index: true,
                    element: (
                      <RequirePermission permission="innovation.read">
                        <CallsPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: ':id',
                    handle: h('innovation.projects'),
                    children: [
                      {
                        index: true,
                        element: (
                          <RequirePermission permission="innovation.read">
                            <InnovationProjectsPage />
                          </RequirePermission>
                        ),
                      },
                      {
                        path: 'assignments',
                        handle: h('innovation.assignment'),
                        element: (
                          <RequirePermission permission="innovation.manage">
                            <AssignmentPage />
                          </RequirePermission>
                        ),
                      },
                      {
                        path: 'scoring',
                        handle: h('innovation.scoring'),
                        element: (
                          <RequirePermission permission="innovation.manage">
                            <ScoringSettingsPage />
                          </RequirePermission>
                        ),
                      },
                      {
                        path: 'defence',
                        handle: h('innovation.defence'),
                        element: (
                          <RequirePermission permission="innovation.manage">
                            <DefencePage />
                          </RequirePermission>
                        ),
                      },
                      {
                        path: 'results',
                        handle: h('innovation.resultsPage'),
                        element: (
                          <RequirePermission permission={INNOVATION_RESULTS}>
                            <InnovationResultsPage />
                          </RequirePermission>
                        ),
                      },
                    ],
                  },
                ],
              },
              {
                path: 'experts',
                handle: h('innovationNav.experts'),
                element: (
                  <RequirePermission permission="innovation.experts">
                    <ExpertsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'defence',
                children: [
                  {
                    index: true,
                    handle: h('innovationNav.defence'),
                    element: (
                      <RequirePermission permission="innovation.manage">
                        <LatestCall page="defence" />
                      </RequirePermission>
                    ),
                  },
                  {
                    // The board: the office and the session's chair (a judge; the server decides who drives).
                    path: ':sessionId',
                    handle: h('defence.board'),
                    element: (
                      <RequirePermission permission={['innovation.manage', 'innovation.judge']}>
                        <DefenceBoardPage />
                      </RequirePermission>
                    ),
                  },
                ],
              },
              {
                path: 'results',
                handle: h('innovationNav.results'),
                element: (
                  <RequirePermission permission={INNOVATION_RESULTS}>
                    <LatestCall page="results" />
                  </RequirePermission>
                ),
              },
              {
                path: 'judging',
                handle: h('innovationNav.judging'),
                element: (
                  <RequirePermission permission="innovation.judge">
                    <JudgePage />
                  </RequirePermission>
                ),
              },
            ],
          },
          {
            path: 'inquiries',
            handle: h('inquiriesNav.inquiries'),
            element: (
              <RequirePermission permission="inquiries.read">
                <InquiriesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'ratings',
            handle: h('rectificationNav.ratings'),
            children: [
              {
                index: true,
                element: (
                  <RequirePermission permission="rating.read">
                    <RatingsPage />
                  </RequirePermission>
                ),
              },
              {
                path: ':id',
                handle: h('rating.results'),
                element: (
                  <RequirePermission permission="rating.read">
                    <RatingRoundPage />
                  </RequirePermission>
                ),
              },
            ],
          },
          {
            path: 'my-comments',
            handle: h('commentsNav.unit'),
            element: (
              <RequirePermission permission="comments.answer">
                <CommentsPage office={false} />
              </RequirePermission>
            ),
          },
          {
            path: 'hotline',
            handle: h('hotlineNav.hotline'),
            element: (
              <RequirePermission permission="data.import">
                <HotlinePage />
              </RequirePermission>
            ),
          },
          {
            path: 'questionnaires',
            handle: h('questionnairesNav.questionnaires'),
            children: [
              {
                index: true,
                element: (
                  <RequirePermission permission="surveys.manage">
                    <QuestionnairesPage />
                  </RequirePermission>
                ),
              },
              {
                path: ':id',
                handle: h('questionnaires.crumb'),
                element: (
                  <RequirePermission permission="surveys.manage">
                    <QuestionnaireBuilderPage />
                  </RequirePermission>
                ),
              },
            ],
          },
          {
            path: 'results',
            handle: h('nav.results'),
            element: (
              <RequirePermission permission="results.read">
                <ResultsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'consequences',
            handle: h('consequencesNav.consequences'),
            element: (
              <RequirePermission permission="results.read">
                <ConsequencesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'archive/:code',
            handle: h('consequencesNav.archive'),
            element: (
              <RequirePermission permission="results.read">
                <ArchivePage />
              </RequirePermission>
            ),
          },
          {
            path: 'task-books',
            handle: h('tbNav.mine'),
            element: (
              <RequirePermission permission="taskbooks.edit">
                <MyTaskBookPage />
              </RequirePermission>
            ),
          },
          {
            path: 'task-book-review',
            handle: h('tbNav.review'),
            element: (
              <RequirePermission permission="taskbooks.review">
                <ReviewQueuePage />
              </RequirePermission>
            ),
          },
          {
            path: 'calendar',
            handle: h('tbNav.calendar'),
            element: (
              <RequirePermission permission="plans.read">
                <CalendarPage />
              </RequirePermission>
            ),
          },
          {
            path: 'users',
            handle: h('nav.users'),
            element: (
              <RequirePermission permission="users.read">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            handle: h('nav.audit'),
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
