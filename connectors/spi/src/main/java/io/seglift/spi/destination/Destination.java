package io.seglift.spi.destination;

/**
 * One configured destination (a HubSpot portal, a Klaviyo account, a Facebook ad account). Created by a {@link
 * DestinationFactory}, which also declares its {@link Capabilities}; used by one sync run at a time and closed after it.
 */
public interface Destination extends AutoCloseable {

    /**
     * Verifies credentials and permissions with one cheap call. Throws {@link DestinationException} with a message that
     * says what to do (for example "the token has expired: create a new private-app token with scope crm.lists.write").
     */
    void check();

    /**
     * Finds the sync's audience, creating it when absent (HubSpot list, Klaviyo list, Facebook custom audience):
     * first by {@link AudienceSpec#knownId()} (a renamed audience is still the sync's), else by name as the vendor
     * matches names (HubSpot: case-insensitively), else creates it. When the known id no longer exists (deleted by a
     * marketer, or by the vendor, as Meta does with audiences unused for two years) the returned audience has another
     * id and {@link AudienceRef#created()} true: the engine then resets the sync's state so the whole segment is sent
     * again. Idempotent: the second call returns the same audience.
     */
    AudienceRef ensureAudience(AudienceSpec spec);

    /**
     * Sends one batch and returns exactly one {@link RowResult} per row, in any order. At most {@link
     * Capabilities#maxBatchSize()} rows; a larger batch is refused with {@link IllegalArgumentException}. Rejected rows
     * are results ({@link RowStatus#REJECTED}), not exceptions; a row that failed only for now is {@link
     * RowStatus#RETRY}: it stays out of the committed state and the next run sends it again. Throws {@link
     * RetriableDestinationException} when the whole call should be retried, {@link DestinationException} when it
     * cannot succeed.
     */
    BatchResult push(Batch batch);

    /**
     * Called once after a run sent every batch (status succeeded or partial, not after a failed or stopped run), with
     * the audience the run used and the links stored after earlier runs. A destination creates or checks objects that
     * derive from the audience here (Facebook: a lookalike audience once the source is large enough) and returns the
     * links to store, which the engine persists in its own state and forgets when the audience is replaced. Must be
     * idempotent: a crash after the destination created something but before the engine stored its id is followed by
     * another call with the old links, which has to find the object rather than create it twice. A {@link
     * DestinationException} thrown here becomes a warning of the run; the members sent stay committed. By default
     * nothing is done and the stored links are kept.
     */
    default AfterSync afterSync(AudienceRef audience, SyncTotals totals) {
        return AfterSync.unchanged(totals);
    }

    /**
     * The destination's approximate count of the people in the audience, read after a run; empty when the destination
     * does not report one (the default).
     */
    default java.util.Optional<AudienceSize> audienceSize(AudienceRef audience) {
        return java.util.Optional.empty();
    }

    /** Releases resources; must not throw for an already closed destination. */
    @Override
    default void close() {
    }
}
