import type { Migration } from '@calltrail/sql';

/** The module name under which `migrate` records the event store's schema versions. */
export const EVENT_STORE_MODULE = 'event-store';

/**
 * Every append transaction takes this transaction-scoped advisory lock before it draws global
 * positions, so positions are handed out in commit order (see docs/event-store.md).
 */
export const APPEND_LOCK_ID = 7_246_318_101;

/**
 * An append in flight (migration 4) holds the shared advisory lock `POSITION_LOCK_BASE + p`, where
 * p is at most its first global position; readers read only below the lowest such p
 * (docs/event-store.md). 2^62: far above every other advisory key of calltrail.
 */
export const POSITION_LOCK_BASE = 4_611_686_018_427_387_904n;

export const eventStoreMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'events, stream heads, append-only trigger',
    sql: `
      CREATE SEQUENCE events_global_position_seq AS bigint;

      CREATE TABLE events (
        global_position bigint PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        stream_version integer NOT NULL CHECK (stream_version >= 1),
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        recorded_at timestamptz NOT NULL,
        UNIQUE (stream_id, stream_version)
      );

      -- One row per stream: its last version and hash, read by every append to check the
      -- expected version and extend the hash chain without scanning the stream.
      CREATE TABLE event_streams (
        stream_id text PRIMARY KEY,
        version integer NOT NULL,
        last_hash text NOT NULL
      );

      CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;

      CREATE TRIGGER events_append_only
        BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_refuse_change();

      CREATE TRIGGER events_no_truncate
        BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();
    `,
  },
  {
    version: 2,
    name: 'append_events: one statement per group commit',
    sql: `
      -- Appends a planned batch in one statement (one round trip, its own transaction when called
      -- outside one). The caller planned versions and hashes against what it believes the stream
      -- heads are and which event ids are new; under the append lock this checks those beliefs
      -- and either inserts everything or nothing, returning what was stale.
      CREATE FUNCTION append_events(p_events jsonb, p_believed_heads jsonb, p_new_heads jsonb, p_new_ids jsonb)
      RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        v_stale jsonb;
        v_known jsonb;
        v_count bigint := jsonb_array_length(p_events);
        v_base bigint := 0;
      BEGIN
        PERFORM pg_advisory_xact_lock(${APPEND_LOCK_ID});
        -- LATERAL … LIMIT 1 (not flattened into a join): one index lookup per stream and per id,
        -- never a scan of the table, whatever the planner estimates.
        SELECT jsonb_agg(jsonb_build_array(b.stream_id, coalesce(h.version, 0), coalesce(h.last_hash, repeat('0', 64))))
          INTO v_stale
          FROM jsonb_to_recordset(p_believed_heads) AS b(stream_id text, version integer, last_hash text)
          LEFT JOIN LATERAL (SELECT s.version, s.last_hash FROM event_streams s WHERE s.stream_id = b.stream_id LIMIT 1) h ON true
         WHERE coalesce(h.version, 0) <> b.version OR coalesce(h.last_hash, repeat('0', 64)) <> b.last_hash;
        IF jsonb_array_length(p_new_ids) > 0 THEN
          SELECT jsonb_agg(to_jsonb(e)) INTO v_known
            FROM jsonb_array_elements_text(p_new_ids) AS given(id)
            CROSS JOIN LATERAL (
              SELECT global_position, event_id, stream_id, stream_version, type, data, metadata, prev_hash, hash
                FROM events WHERE event_id = given.id::uuid LIMIT 1) e;
        END IF;
        IF v_stale IS NOT NULL OR v_known IS NOT NULL THEN
          RETURN jsonb_build_object('stale', coalesce(v_stale, '[]'::jsonb), 'known', coalesce(v_known, '[]'::jsonb));
        END IF;
        IF v_count > 0 THEN
          v_base := setval('events_global_position_seq', nextval('events_global_position_seq') + v_count - 1) - v_count;
          INSERT INTO events (global_position, event_id, stream_id, stream_version, type, data, metadata, prev_hash, hash, recorded_at)
          SELECT v_base + e.i, e.event_id, e.stream_id, e.stream_version, e.type, e.data, e.metadata, e.prev_hash, e.hash,
                 (e.metadata->>'recordedAt')::timestamptz
            FROM jsonb_to_recordset(p_events) AS e(i bigint, event_id uuid, stream_id text, stream_version integer,
                 type text, data jsonb, metadata jsonb, prev_hash text, hash text);
          INSERT INTO event_streams (stream_id, version, last_hash)
          SELECT h.stream_id, h.version, h.last_hash
            FROM jsonb_to_recordset(p_new_heads) AS h(stream_id text, version integer, last_hash text)
          ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, last_hash = EXCLUDED.last_hash;
        END IF;
        RETURN jsonb_build_object('base', v_base);
      END;
      $$;
    `,
  },
  {
    version: 3,
    name: 'append_events: the events as one array per column',
    sql: `
      -- Migration 2's append_events, with the events as one array per column instead of one JSON
      -- object each (no key repeated per event, a third less to send and parse; data and metadata
      -- are one JSON array each). Same checks under the same lock; the version of migration 2 stays
      -- for processes still running the code before this one.
      CREATE FUNCTION append_events(
        p_event_ids uuid[], p_stream_ids text[], p_versions integer[], p_types text[], p_data jsonb, p_metadata jsonb,
        p_prev_hashes text[], p_hashes text[], p_believed_heads jsonb, p_new_heads jsonb, p_new_ids jsonb)
      RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        v_stale jsonb;
        v_known jsonb;
        v_count bigint := coalesce(cardinality(p_event_ids), 0);
        v_base bigint := 0;
      BEGIN
        IF v_count <> jsonb_array_length(p_data) OR v_count <> jsonb_array_length(p_metadata) THEN
          RAISE EXCEPTION 'append_events: % events but % data and % metadata', v_count,
            jsonb_array_length(p_data), jsonb_array_length(p_metadata);
        END IF;
        PERFORM pg_advisory_xact_lock(${APPEND_LOCK_ID});
        -- LATERAL … LIMIT 1 (not flattened into a join): one index lookup per stream and per id,
        -- never a scan of the table, whatever the planner estimates.
        SELECT jsonb_agg(jsonb_build_array(b.stream_id, coalesce(h.version, 0), coalesce(h.last_hash, repeat('0', 64))))
          INTO v_stale
          FROM jsonb_to_recordset(p_believed_heads) AS b(stream_id text, version integer, last_hash text)
          LEFT JOIN LATERAL (SELECT s.version, s.last_hash FROM event_streams s WHERE s.stream_id = b.stream_id LIMIT 1) h ON true
         WHERE coalesce(h.version, 0) <> b.version OR coalesce(h.last_hash, repeat('0', 64)) <> b.last_hash;
        IF jsonb_array_length(p_new_ids) > 0 THEN
          SELECT jsonb_agg(to_jsonb(e)) INTO v_known
            FROM jsonb_array_elements_text(p_new_ids) AS given(id)
            CROSS JOIN LATERAL (
              SELECT global_position, event_id, stream_id, stream_version, type, data, metadata, prev_hash, hash
                FROM events WHERE event_id = given.id::uuid LIMIT 1) e;
        END IF;
        IF v_stale IS NOT NULL OR v_known IS NOT NULL THEN
          RETURN jsonb_build_object('stale', coalesce(v_stale, '[]'::jsonb), 'known', coalesce(v_known, '[]'::jsonb));
        END IF;
        IF v_count > 0 THEN
          v_base := setval('events_global_position_seq', nextval('events_global_position_seq') + v_count - 1) - v_count;
          -- ROWS FROM zips the arrays: row i has the i-th element of each.
          INSERT INTO events (global_position, event_id, stream_id, stream_version, type, data, metadata, prev_hash, hash, recorded_at)
          SELECT v_base + e.i, e.event_id, e.stream_id, e.stream_version, e.type, e.data, e.metadata, e.prev_hash, e.hash,
                 (e.metadata->>'recordedAt')::timestamptz
            FROM ROWS FROM (unnest(p_event_ids), unnest(p_stream_ids), unnest(p_versions), unnest(p_types),
                            jsonb_array_elements(p_data), jsonb_array_elements(p_metadata), unnest(p_prev_hashes),
                            unnest(p_hashes)) WITH ORDINALITY
                 AS e(event_id, stream_id, stream_version, type, data, metadata, prev_hash, hash, i);
          INSERT INTO event_streams (stream_id, version, last_hash)
          SELECT h.stream_id, h.version, h.last_hash
            FROM jsonb_to_recordset(p_new_heads) AS h(stream_id text, version integer, last_hash text)
          ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, last_hash = EXCLUDED.last_hash;
        END IF;
        RETURN jsonb_build_object('base', v_base);
      END;
      $$;
    `,
  },
  {
    version: 4,
    name: 'appends in flight together; readers read below the lowest position in flight',
    sql: `
      -- Migration 3's append_events without the exclusive append lock, so that appends commit
      -- concurrently. Streams are serialised by their head rows (locked in stream id order) and by
      -- the unique indexes; readers by the position lock taken before any position is drawn.
      CREATE FUNCTION append_events_in_flight(
        p_event_ids uuid[], p_stream_ids text[], p_versions integer[], p_types text[], p_data jsonb, p_metadata jsonb,
        p_prev_hashes text[], p_hashes text[], p_believed_heads jsonb, p_new_heads jsonb, p_new_ids jsonb)
      RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        v_stale jsonb;
        v_known jsonb;
        v_count bigint := coalesce(cardinality(p_event_ids), 0);
        v_positions bigint[];
      BEGIN
        IF v_count <> jsonb_array_length(p_data) OR v_count <> jsonb_array_length(p_metadata) THEN
          RAISE EXCEPTION 'append_events_in_flight: % events but % data and % metadata', v_count,
            jsonb_array_length(p_data), jsonb_array_length(p_metadata);
        END IF;
        -- Shared: in-flight appends do not wait for each other, but a process on code before this
        -- migration (which takes it exclusively) waits for them, and they for it.
        PERFORM pg_advisory_xact_lock_shared(${APPEND_LOCK_ID});
        -- Compares the believed heads with the head rows, locking them: an append in flight on the
        -- same stream holds its row until it ends, and this waits for it, then reads what it left.
        -- In stream id order, so that two batches never wait for each other.
        SELECT jsonb_agg(jsonb_build_array(b.stream_id, coalesce(h.version, 0), coalesce(h.last_hash, repeat('0', 64))))
          INTO v_stale
          FROM (SELECT * FROM jsonb_to_recordset(p_believed_heads) AS b(stream_id text, version integer, last_hash text)
                 ORDER BY b.stream_id) AS b
          LEFT JOIN LATERAL (SELECT s.version, s.last_hash FROM event_streams s WHERE s.stream_id = b.stream_id
                              LIMIT 1 FOR UPDATE) h ON true
         WHERE coalesce(h.version, 0) <> b.version OR coalesce(h.last_hash, repeat('0', 64)) <> b.last_hash;
        IF jsonb_array_length(p_new_ids) > 0 THEN
          SELECT jsonb_agg(to_jsonb(e)) INTO v_known
            FROM jsonb_array_elements_text(p_new_ids) AS given(id)
            CROSS JOIN LATERAL (
              SELECT global_position, event_id, stream_id, stream_version, type, data, metadata, prev_hash, hash
                FROM events WHERE event_id = given.id::uuid LIMIT 1) e;
        END IF;
        IF v_stale IS NOT NULL OR v_known IS NOT NULL THEN
          RETURN jsonb_build_object('stale', coalesce(v_stale, '[]'::jsonb), 'known', coalesce(v_known, '[]'::jsonb));
        END IF;
        IF v_count = 0 THEN
          RETURN jsonb_build_object('positions', '[]'::jsonb);
        END IF;
        -- The lock first, then the positions: every position drawn is at least the key (one more than
        -- the last drawn so far; a sequence is not transactional), so a reader that sees the positions
        -- drawn also sees the lock, until this transaction has ended.
        PERFORM pg_advisory_xact_lock_shared(${POSITION_LOCK_BASE} + 1 +
          (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM events_global_position_seq));
        v_positions := ARRAY(SELECT nextval('events_global_position_seq') FROM generate_series(1, v_count));
        INSERT INTO events (global_position, event_id, stream_id, stream_version, type, data, metadata, prev_hash, hash, recorded_at)
        SELECT e.global_position, e.event_id, e.stream_id, e.stream_version, e.type, e.data, e.metadata, e.prev_hash, e.hash,
               (e.metadata->>'recordedAt')::timestamptz
          FROM ROWS FROM (unnest(v_positions), unnest(p_event_ids), unnest(p_stream_ids), unnest(p_versions),
                          unnest(p_types), jsonb_array_elements(p_data), jsonb_array_elements(p_metadata),
                          unnest(p_prev_hashes), unnest(p_hashes))
               AS e(global_position, event_id, stream_id, stream_version, type, data, metadata, prev_hash, hash);
        INSERT INTO event_streams (stream_id, version, last_hash)
        SELECT h.stream_id, h.version, h.last_hash
          FROM jsonb_to_recordset(p_new_heads) AS h(stream_id text, version integer, last_hash text)
        ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, last_hash = EXCLUDED.last_hash;
        RETURN jsonb_build_object('positions', to_jsonb(v_positions));
      END;
      $$;

      -- Readers read only below this bound, in a later statement (docs/event-store.md): one more than
      -- the last position drawn, or the lowest position an append still in flight may hold. In this
      -- order: a position lock taken after the first read guards positions drawn later still.
      CREATE FUNCTION events_read_bound() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_last_drawn bigint;
        v_in_flight bigint;
      BEGIN
        SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END INTO v_last_drawn
          FROM events_global_position_seq;
        SELECT min(((l.classid::bigint << 32) | l.objid::bigint) - ${POSITION_LOCK_BASE}) INTO v_in_flight
          FROM pg_locks l
         WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.classid >= ${POSITION_LOCK_BASE >> 32n}
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
        RETURN least(v_last_drawn + 1, v_in_flight);
      END;
      $$;
    `,
  },
];
