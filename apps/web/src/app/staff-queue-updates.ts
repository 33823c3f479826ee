import type { DocumentNode } from '@apollo/client';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { BotQueueDocument, BotStatsDocument } from '../features/bot/api/bot-review-documents';
import { OpenFlagsDocument } from '../features/moderation/api/moderation-documents';
import { graphql } from '../gql';
import type { StaffQueueArea } from '../gql/graphql';

export const StaffQueueChangedDocument = graphql(`
  subscription StaffQueueChanged {
    staffQueueChanged {
      area
      threadId
      flagId
    }
  }
`);

/** How many wait in each queue, for the dashboard's tabs: one statement per area. */
export const StaffQueueCountsDocument = graphql(`
  query StaffQueueCounts {
    botQueueCounts {
      pending
      unhelpful
      noSuggestion
      dismissed
    }
    openFlagCount
  }
`);

/** Changes arriving this close together are read in one go: a burst of twenty costs one or two reads, not twenty. */
const gatherMs = 300;

const documentsOf: Record<StaffQueueArea, DocumentNode[]> = {
  BOT_QUEUES: [BotQueueDocument, BotStatsDocument, StaffQueueCountsDocument],
  BOT_STATS: [BotStatsDocument],
  FLAGS: [OpenFlagsDocument, StaffQueueCountsDocument],
};

/**
 * While a staff page is open, reads the queues (and the bot's statistics) that changed again as the server tells of
 * changes. Only the queries on screen are read; each keeps its rows, so focus and a half-made choice in a row stay.
 */
export function useStaffQueueUpdates(): void {
  const client = useApolloClient();
  const state = useRef({ areas: new Set<StaffQueueArea>(), timer: 0, reading: false, gone: false });

  useEffect(() => {
    const current = state.current;
    current.gone = false;
    return () => {
      current.gone = true;
      window.clearTimeout(current.timer);
      current.timer = 0;
    };
  }, []);

  function schedule() {
    const current = state.current;
    if (current.timer || current.reading || current.gone) return;
    current.timer = window.setTimeout(() => void read(), gatherMs);
  }

  async function read() {
    const current = state.current;
    current.timer = 0;
    const areas = [...current.areas];
    current.areas.clear();
    current.reading = true;
    try {
      // A document two areas share is read once.
      await client.refetchQueries({ include: [...new Set(areas.flatMap((area) => documentsOf[area]))] });
    } catch {
      // The queries show their own errors; the next change reads them again.
    } finally {
      current.reading = false;
      // Changes told while reading: one more read, after this one.
      if (current.areas.size > 0) schedule();
    }
  }

  useSubscription(StaffQueueChangedDocument, {
    onData: ({ data }) => {
      const change = data.data?.staffQueueChanged;
      if (!change) return;
      state.current.areas.add(change.area);
      schedule();
    },
  });
}
