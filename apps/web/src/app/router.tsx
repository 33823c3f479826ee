import { webPages } from '#web-pages';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { Layout } from './layout';
import { AnswerRoute } from './routes/answer-route';
import { AskRoute } from './routes/ask-route';
import { NotFoundRoute, RouteError } from './routes/not-found-route';
import { NotificationsRoute } from './routes/notifications-route';
import { ProfileRoute } from './routes/profile-route';
import { SignInRoute, SignUpRoute } from './routes/auth-routes';
import {
  StaffAnswerRoute,
  StaffAnswersRoute,
  StaffModerationLogRoute,
  StaffQueuesRoute,
  StaffRoute,
  StaffLearnedRoute,
  StaffStatsRoute,
} from './routes/staff-routes';
import { ThreadListRoute } from './routes/thread-list-route';
import { ThreadRoute } from './routes/thread-route';
import { SecurityRoute } from './routes/security-route';

/**
 * Every page's path comes from `#web-pages`, which the API reads too: a navigation to a path none of them matches
 * answers 404 there, and the app shows its "not found" page.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <ThreadListRoute /> },
      { path: webPages.thread.path, element: <ThreadRoute /> },
      { path: webPages.ask.path, element: <AskRoute /> },
      { path: webPages.answer.path, element: <AnswerRoute /> },
      { path: webPages.profile.path, element: <ProfileRoute /> },
      { path: webPages.notifications.path, element: <NotificationsRoute /> },
      { path: webPages.signIn.path, element: <SignInRoute /> },
      { path: webPages.signUp.path, element: <SignUpRoute /> },
      { path: webPages.security.path, element: <SecurityRoute /> },
      { path: webPages.oldTwoFactor.path, element: <Navigate to={webPages.security.path} replace /> },
      {
        path: webPages.staff.path,
        element: <StaffRoute />,
        children: [
          { index: true, element: <StaffQueuesRoute /> },
          { path: webPages.staffAnswers.path, element: <StaffAnswersRoute /> },
          { path: webPages.staffAnswer.path, element: <StaffAnswerRoute /> },
          { path: webPages.staffLearned.path, element: <StaffLearnedRoute /> },
          { path: webPages.staffStats.path, element: <StaffStatsRoute /> },
          { path: webPages.staffLog.path, element: <StaffModerationLogRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
