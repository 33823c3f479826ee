import { useMutation } from '@apollo/client/react';
import { useState, type MouseEvent } from 'react';
import { Badge } from '../../../components/badge';
import { Button } from '../../../components/button';
import { InlineError } from '../../../components/status';
import { focusPostOf } from '../../../lib/focus-post-of';
import { useAction } from '../../../lib/use-action';
import { ChooseClarificationDocument } from '../api/bot-documents';
import { settledSentence, type BotSuggestionDetails, type ThreadSettled } from './use-bot-suggestion';

/**
 * The bot's clarifying question: two buttons for the asker, a note for everyone else. `inReply` when it sits under
 * the bot's own reply, which already says the question in words.
 */
export function BotClarification({
  suggestion,
  isAsker,
  inReply = false,
  settled = null,
}: {
  suggestion: BotSuggestionDetails;
  isAsker: boolean;
  inReply?: boolean;
  /** An accepted answer, a staff reply or a lock ends the wait for a choice. */
  settled?: ThreadSettled;
}) {
  const [choose, { loading }] = useMutation(ChooseClarificationDocument);
  const [chosen, setChosen] = useState<string | null>(null);
  const { error, run } = useAction();
  const clarify = suggestion.clarify;
  if (!clarify || suggestion.status !== 'CLARIFYING') return null;

  async function pick(event: MouseEvent<HTMLButtonElement>, slug: string) {
    setChosen(slug);
    const focusReply = focusPostOf(event.currentTarget);
    await run(async () => {
      await choose({ variables: { threadId: suggestion.threadId, slug } });
      focusReply();
    });
  }

  return (
    <section className={inReply ? 'bot-clarify bot-clarify--in-reply' : 'bot-clarify card'} aria-labelledby="bot-clarify-question">
      {inReply ? null : (
        <div className="byline">
          <span className="avatar avatar--bot" aria-hidden="true">
            ⚙
          </span>
          <span className="byline__text">
            <strong>FAQ bot</strong> <Badge tone="bot">Automated answer</Badge>
          </span>
        </div>
      )}
      <p id="bot-clarify-question" className={inReply ? 'bot-clarify__question visually-hidden' : 'bot-clarify__question'}>
        {clarify.question}
      </p>
      {inReply && isAsker && !settled ? <p className="bot-clarify__prompt">Choose the one that fits:</p> : null}
      {settled ? (
        <p className="muted">{settledSentence(settled)} The bot no longer waits for a choice.</p>
      ) : isAsker ? (
        <div className="bot-clarify__choices" role="group" aria-labelledby="bot-clarify-question">
          {clarify.choices.map((choice) => (
            <Button
              key={choice.slug}
              variant="primary"
              busy={loading && chosen === choice.slug}
              disabled={loading}
              onClick={(event) => void pick(event, choice.slug)}
            >
              {choice.label}
            </Button>
          ))}
        </div>
      ) : (
        <p className="muted">The bot is waiting for the person who asked to choose; then it answers.</p>
      )}
      <InlineError error={error} block />
    </section>
  );
}
