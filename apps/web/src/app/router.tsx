import { createBrowserRouter, Navigate } from 'react-router';
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
import { securityPath } from './paths';
import { SecurityRoute } from './routes/security-route';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <ThreadListRoute /> },
      { path: 't/:threadId', element: <ThreadRoute /> },
      { path: 'ask', element: <AskRoute /> },
      { path: 'answers/:slug', element: <AnswerRoute /> },
      { path: 'u/:username', element: <ProfileRoute /> },
      { path: 'notifications', element: <NotificationsRoute /> },
      { path: 'sign-in', element: <SignInRoute /> },
      { path: 'sign-up', element: <SignUpRoute /> },
      { path: securityPath.slice(1), element: <SecurityRoute /> },
      // Where the security page was, while it held two-factor sign-in alone.
      { path: 'account/two-factor', element: <Navigate to={securityPath} replace /> },
      {
        path: 'staff',
        element: <StaffRoute />,
        children: [
          { index: true, element: <StaffQueuesRoute /> },
          { path: 'answers', element: <StaffAnswersRoute /> },
          { path: 'answers/:slug', element: <StaffAnswerRoute /> },
          { path: 'learned', element: <StaffLearnedRoute /> },
          { path: 'stats', element: <StaffStatsRoute /> },
          { path: 'log', element: <StaffModerationLogRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
