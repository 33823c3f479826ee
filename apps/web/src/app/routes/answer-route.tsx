import { useParams } from 'react-router';
import { PublicAnswer } from '../../features/canonical-answers/components/public-answer';

export function AnswerRoute() {
  const { slug = '' } = useParams();
  return <PublicAnswer key={slug} slug={slug} />;
}
