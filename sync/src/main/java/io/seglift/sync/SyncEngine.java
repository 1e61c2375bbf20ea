package io.seglift.sync;

import io.seglift.config.ActivationBrief;
import io.seglift.config.DestinationConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.config.SyncConfig;
import io.seglift.spi.destination.AfterSync;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.destination.SyncTotals;
import io.seglift.spi.destination.UploadStats;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Row;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.lock.SyncLock;
import io.seglift.sync.lock.SyncLockedException;
import io.seglift.sync.plan.ChangeGuard;
import io.seglift.sync.plan.LargeChangeException;
import io.seglift.sync.plan.MemberProfile;
import io.seglift.sync.plan.MemberQueries;
import io.seglift.sync.plan.Plan;
import io.seglift.sync.plan.SyncPlanner;
import io.seglift.sync.plan.SyncTarget;
import io.seglift.sync.resilience.DestinationDownException;
import io.seglift.sync.resilience.GuardedCaller;
import io.seglift.sync.resilience.ResilienceSettings;
import io.seglift.sync.resilience.WaitTooLongException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.seglift.sync.runs.RunHistory;
import io.seglift.sync.runs.RunStatus;
import io.seglift.sync.state.AudienceLinks;
import io.seglift.sync.state.AudienceStore;
import io.seglift.sync.state.BatchCommitter;
import io.seglift.sync.state.Outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Runs syncs: plans the diff in the warehouse, sends it in batches through the destination under the rate limiter,
 * retries and circuit breaker, and commits each batch's outcomes before sending the next. A crash loses at most the
 * uncommitted batch in flight, which the next run sends again (pushes are idempotent). See {@code docs/sync.md}.
 */
public final class SyncEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    private final EngineOptions options;
    private final MemberProfile memberProfile;

    /** An engine whose sync {@code fields} read the customers table only. */
    public SyncEngine(EngineOptions options) {
        this(options, MemberProfile.customersOnly());
    }

    /** An engine whose sync {@code fields} read {@code memberProfile} (the application passes the scoring profile). */
    public SyncEngine(EngineOptions options, MemberProfile memberProfile) {
        this.options = options;
        this.memberProfile = memberProfile;
    }

    /**
     * Runs a sync, creating its destination from the project's destination block with a factory from {@code
     * destinations}; the destination's HTTP client is paced per request at the sync's rate limit.
     */
    public RunSummary run(ProjectConfig project, SyncConfig sync, Warehouse warehouse, Destinations destinations) {
        DestinationConfig dc = destinationConfig(project, sync).requireResolved();
        DestinationFactory factory = destinations.find(dc.type()).orElseThrow(() -> new SyncRefusedException(
                "destinations." + dc.name() + ".type: unknown destination type '" + dc.type() + "' (available: "
                        + String.join(", ", destinations.all().keySet()) + ")"));
        Settings settings = sync.settingsFor(dc);
        Capabilities caps = factory.capabilities(settings);
        GuardedCaller guard = guard(sync, dc, caps, false);
        try (Destination destination = factory.create(settings, context(guard.pacedClient(options.http())))) {
            return run(project, sync, warehouse, destination, caps, guard);
        }
    }

    /**
     * Runs a sync against an already created destination with the capabilities its factory declares (tests pass fakes
     * here); each push is paced by the limits on all requests.
     */
    public RunSummary run(ProjectConfig project, SyncConfig sync, Warehouse warehouse, Destination destination,
                          Capabilities caps) {
        DestinationConfig dc = destinationConfig(project, sync);
        return run(project, sync, warehouse, destination, caps, guard(sync, dc, caps, true));
    }

    private RunSummary run(ProjectConfig project, SyncConfig sync, Warehouse warehouse, Destination destination,
                           Capabilities caps, GuardedCaller guard) {
        SegmentConfig segment = checkRunnable(project, sync);
        DestinationConfig dc = destinationConfig(project, sync);
        SyncTarget target = target(project, sync, caps);
        StringBuilder holder = new StringBuilder();
        try (SyncLock lock = SyncLock.tryAcquire(project.projectDir(), sync.name(), holder).orElseThrow(() ->
                new SyncLockedException("sync " + sync.name() + " is already running (" + holder + "); nothing done"))) {
            return new Run(project, sync, segment, dc, warehouse, destination, caps, target, guard).execute();
        }
    }

    /** The engine's tuning, with the sync's own {@code max_server_wait} when the project file sets one. */
    private ResilienceSettings resilience(SyncConfig sync) {
        return sync.maxServerWait().map(options.resilience()::withMaxServerWait).orElse(options.resilience());
    }

    private DestinationContext context(java.net.http.HttpClient http) {
        return DestinationContext.builder().httpClient(http).clock(options.clock()).sleeper(options.sleeper())
                .requestTimeout(options.requestTimeout()).build();
    }

    /** Plans a sync without sending anything or changing state (a dry run): it writes no rows, so a killed plan leaves none. */
    public Plan plan(ProjectConfig project, SyncConfig sync, Warehouse warehouse, Capabilities caps) {
        checkRunnable(project, sync);
        return new SyncPlanner(warehouse, target(project, sync, caps), profile(project, warehouse)).preview();
    }

    /** The audience a segment gets: named for marketers, described from its brief. */
    public static AudienceSpec audienceSpec(ProjectConfig project, SegmentConfig segment) {
        StringBuilder d = new StringBuilder();
        ActivationBrief b = segment.brief().orElse(null);
        if (b != null) {
            b.hypothesis().ifPresent(h -> d.append("Hypothesis: ").append(h).append(' '));
            b.successMetric().ifPresent(m -> d.append("Success: ").append(m.name().orElse("?"))
                    .append(m.target().map(t -> " " + t.text()).orElse(""))
                    .append(m.windowDays().map(w -> " within " + w + " days").orElse("")).append(". "));
            b.owner().ifPresent(o -> d.append("Owner: ").append(o).append(". "));
        }
        d.append(String.format(Locale.ROOT, "Holdout: %.0f%% kept out to measure lift.", segment.holdoutFraction() * 100));
        return new AudienceSpec(segment.name(), "Seglift · " + project.project() + " · " + segment.name(), d.toString().trim());
    }

    private static SegmentConfig checkRunnable(ProjectConfig project, SyncConfig sync) {
        SegmentConfig segment = project.segment(sync.segment()).orElseThrow(() -> new SyncRefusedException(
                "syncs." + sync.name() + ".segment: no segment named '" + sync.segment() + "' (segments: "
                        + String.join(", ", project.segments().keySet()) + ")"));
        List<String> missing = segment.briefProblems();
        if (!missing.isEmpty()) {
            throw new SyncRefusedException("segment " + segment.name() + " cannot be synced until its activation brief is "
                    + "complete; missing: " + String.join(", ", missing.stream().map(m -> "segments." + segment.name() + "." + m).toList()));
        }
        if (!sync.fields().isEmpty() && sync.mode() != SyncMode.UPSERT) {
            throw new SyncRefusedException("syncs." + sync.name() + ".fields: fields are written only in mode upsert (mode is "
                    + sync.mode().yamlName() + ")");
        }
        return segment;
    }

    private static DestinationConfig destinationConfig(ProjectConfig project, SyncConfig sync) {
        return project.destination(sync.destination()).orElseThrow(() -> new SyncRefusedException(
                "syncs." + sync.name() + ".destination: no destination named '" + sync.destination() + "' (destinations: "
                        + String.join(", ", project.destinations().keySet()) + ")"));
    }

    private static SyncTarget target(ProjectConfig project, SyncConfig sync, Capabilities caps) {
        if (!caps.modes().contains(sync.mode())) {
            throw new SyncRefusedException("syncs." + sync.name() + ".mode: the destination does not support " + sync.mode().yamlName());
        }
        if (sync.mode() == SyncMode.UPSERT && !caps.supportsAttributes()) {
            throw new SyncRefusedException("syncs." + sync.name() + ": the destination cannot write attributes (upsert)");
        }
        var customers = project.sources().customers();
        List<IdentifierType> ids = new ArrayList<>();
        for (IdentifierType t : IdentifierType.values()) {
            if (caps.identifiers().contains(t) && customers.identifiers().containsKey(t)) ids.add(t);
        }
        if (ids.isEmpty()) {
            throw new SyncRefusedException("sync " + sync.name() + ": the destination matches on " + caps.identifiers()
                    + " but sources.customers.identifiers maps none of them to a column");
        }
        for (String f : sync.fields().keySet()) io.seglift.spi.warehouse.Identifiers.require(f, "syncs." + sync.name() + ".fields");
        try {
            SyncTarget t = new SyncTarget(sync.name(), sync.segment(), sync.mode(), sync.fields(), caps.channel(), ids, customers,
                    project.sources().suppressions());
            return t;
        } catch (IllegalArgumentException e) {
            throw new SyncRefusedException(e.getMessage());
        }
    }

    /** The member profile segment rules are evaluated over, so {@code fields} can use every column they can. */
    private Function<LocalDate, String> profile(ProjectConfig project, Warehouse warehouse) {
        return asOf -> memberProfile.sql(project, warehouse.dialect(), asOf);
    }

    static String newRunId() {
        return Long.toString(System.currentTimeMillis(), 36) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    }

    /**
     * The effective limits: every limit the destination declares, where the project's {@code rate_limit} replaces the
     * ones on all requests (the default scope), or is added as one when the destination declares none.
     */
    static List<RateLimit> rateLimits(DestinationConfig dc, Capabilities caps) {
        List<RateLimit> out = new ArrayList<>();
        for (RateLimit r : caps.rateLimits()) {
            if (!(r.appliesToAll() && dc.rateLimit().isPresent())) out.add(r);
        }
        dc.rateLimit().ifPresent(d -> out.add(0, new RateLimit(d.scope(), d.requests(), d.period())));
        return out;
    }

    /**
     * With no limit on all requests among {@code limits}: 10 requests per second on whole calls and on the requests no
     * declared limit covers. A destination that declares each endpoint's limit is not slowed below them by it.
     */
    static Optional<RateLimit> otherRequestsLimit(List<RateLimit> limits) {
        return limits.stream().anyMatch(RateLimit::appliesToAll) ? Optional.empty()
                : Optional.of(new RateLimit("default", 10, java.time.Duration.ofSeconds(1)));
    }

    private GuardedCaller guard(SyncConfig sync, DestinationConfig dc, Capabilities caps, boolean paceCalls) {
        List<RateLimit> limits = rateLimits(dc, caps);
        return new GuardedCaller(sync.name(), limits, otherRequestsLimit(limits), resilience(sync), options.sleeper(),
                paceCalls, System::nanoTime);
    }

    /** One execution of a sync, holding its lock. */
    private final class Run {
        private final ProjectConfig project;
        private final SyncConfig sync;
        private final SegmentConfig segment;
        private final DestinationConfig dc;
        private final Warehouse warehouse;
        private final Destination destination;
        private final Capabilities caps;
        private final SyncTarget target;
        private final RunHistory history;
        private final SyncPlanner planner;
        private final GuardedCaller guard;
        private final String runId = newRunId();
        private long added, removed, updated, rejected, retried;
        private UploadStats upload;

        Run(ProjectConfig project, SyncConfig sync, SegmentConfig segment, DestinationConfig dc, Warehouse warehouse,
            Destination destination, Capabilities caps, SyncTarget target, GuardedCaller guard) {
            this.project = project;
            this.sync = sync;
            this.segment = segment;
            this.dc = dc;
            this.warehouse = warehouse;
            this.destination = destination;
            this.caps = caps;
            this.target = target;
            this.history = new RunHistory(warehouse);
            this.planner = new SyncPlanner(warehouse, target, profile(project, warehouse));
            this.guard = guard;
        }

        RunSummary execute() {
            Instant started = options.clock().instant();
            planner.validate();
            history.abandonStale(sync.name(), started);
            planner.discardLeftovers();
            dropOutbox(planner.queries());
            history.start(runId, sync.name(), segment.name(), dc.name(), sync.mode().yamlName(), started);
            Plan plan = null;
            RunStatus status;
            String error = null;
            try {
                guard.call("check", () -> {
                    destination.check();
                    return null;
                });
                AudienceStore audiences = new AudienceStore(warehouse);
                String knownId = audiences.knownId(sync.name(), dc.name()).orElse(null);
                AudienceSpec spec = audienceSpec(project, segment).withKnownId(knownId);
                AudienceRef audience = guard.call("ensure audience", () -> destination.ensureAudience(spec));
                boolean refill = knownId != null && !knownId.equals(audience.id());
                if (refill) resetForNewAudience(audiences, knownId, audience);
                audiences.record(sync.name(), dc.name(), audience, started);
                plan = planner.prepare(runId);
                history.planned(runId, plan, audience.id());
                ChangeGuard.enforce(sync.name(), plan, sync.changeLimits(), history.hasFinishedRun(sync.name()) && !refill);
                planner.forgetRejectedLeavers(plan.segmentAsOf());
                options.progress().start("sync " + sync.name() + " to " + dc.name(), plan.planned());
                boolean stopped = false;
                for (Operation op : List.of(Operation.REMOVE, Operation.ADD, Operation.UPDATE)) {
                    long total = switch (op) {
                        case REMOVE -> plan.removes();
                        case ADD -> plan.adds();
                        case UPDATE -> plan.updates();
                    };
                    if (total > 0 && !send(op, total, audience, plan.segmentAsOf())) {
                        stopped = true;
                        break;
                    }
                }
                reportUploads(audience);
                if (stopped) {
                    status = RunStatus.STOPPED;
                    error = "stopped on request after the batch in flight; the rest is sent by the next run";
                } else {
                    status = rejected + retried > 0 ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
                    afterSync(audience);
                }
            } catch (LargeChangeException e) {
                status = RunStatus.REFUSED;
                error = e.getMessage();
            } catch (DestinationException e) {
                status = RunStatus.FAILED;
                error = "destination " + dc.name() + " (" + e.code() + "): " + e.getMessage();
                LOG.warn("sync {} run {}: destination {} failed with code {}", sync.name(), runId, dc.name(), e.code());
            } catch (WaitTooLongException | DestinationDownException e) {
                status = RunStatus.FAILED;
                error = e.getMessage();
                LOG.warn("sync {} run {}: stopped: {}", sync.name(), runId, e.getClass().getSimpleName());
            } catch (RuntimeException e) {
                status = RunStatus.FAILED;
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.error("sync {} run {}: unexpected failure after {} added, {} removed", sync.name(), runId, added,
                        removed, e);
            }
            Instant finished = options.clock().instant();
            history.finish(runId, status, error, guard.retries(), finished);
            try {
                planner.discard(runId);
            } catch (RuntimeException ignored) {
                // work rows of a finished run are removed by the next run of the sync
            }
            options.progress().finish(String.format(Locale.ROOT, "%s: +%d -%d ~%d, %d rejected, %d left for retry (%s)",
                    sync.name(), added, removed, updated, rejected, retried, status.code()));
            return new RunSummary(runId, sync.name(), status, plan, added, removed, updated, rejected, retried,
                    guard.calls(), guard.retries(), started, finished, error, upload);
        }

        /**
         * For a destination that reported upload counts: records the audience's approximate size it reports, and warns
         * when the run's match rate is below the sync's {@code min_match_rate}. The size read is paced and retried like
         * every call; when it still fails it only logs: the members are already sent.
         */
        private void reportUploads(AudienceRef audience) {
            if (upload == null) return;
            try {
                guard.call("read audience size", () -> destination.audienceSize(audience))
                        .ifPresent(size -> history.audienceSize(runId, size));
            } catch (RuntimeException e) {
                LOG.warn("sync {} run {}: could not read the size of audience {} from {} ({})", sync.name(), runId,
                        audience.id(), dc.name(), e.getClass().getSimpleName());
            }
            if (upload.received() > 0 && upload.matchRate() < sync.minMatchRate()) {
                history.warn(runId, String.format(Locale.ROOT, "match rate %.1f%% is below syncs.%s.min_match_rate %.1f%%:"
                                + " %s reported %d of the %d rows uploaded as invalid entries; check that the identifier"
                                + " columns in sources.customers.identifiers hold well-formed values (emails, phone numbers"
                                + " with their country code)", upload.matchRate() * 100, sync.name(),
                        sync.minMatchRate() * 100, dc.name(), upload.invalid(), upload.received()));
            }
        }

        /**
         * Lets the destination act on the filled audience ({@link Destination#afterSync}) and stores the links it
         * returns; its failure is a warning of the run, whose members stay committed.
         */
        private void afterSync(AudienceRef audience) {
            AudienceLinks links = new AudienceLinks(warehouse);
            SyncTotals totals = new SyncTotals(added, removed, rejected, links.of(sync.name(), audience.id()));
            try {
                AfterSync after = guard.call("after sync", () -> destination.afterSync(audience, totals));
                after.notes().forEach(note -> history.warn(runId, note));
                if (!after.links().equals(totals.links())) {
                    links.replace(sync.name(), dc.name(), audience.id(), after.links(), options.clock().instant());
                }
            } catch (DestinationException | WaitTooLongException | DestinationDownException e) {
                String code = e instanceof DestinationException d ? " (" + d.code() + ")" : "";
                history.warn(runId, "after the sync, destination " + dc.name() + code + ": " + e.getMessage());
                LOG.warn("sync {} run {}: after-sync step of {} failed{}", sync.name(), runId, dc.name(), code);
            }
        }

        /**
         * Sends every pending row of one operation; false when a stop was requested. The operation's rows are joined to
         * the member profile once, into the sync's outbox, which is then read a batch at a time and dropped.
         */
        private boolean send(Operation op, long total, AudienceRef audience, LocalDate asOf) {
            MemberQueries queries = planner.queries();
            warehouse.inTransaction(tx -> queries.fillOutbox(runId, op, asOf).forEach(tx::execute));
            try {
                return sendOutbox(queries.page(caps.maxBatchSize()), op, total, audience);
            } finally {
                dropOutbox(queries);
            }
        }

        /**
         * Drops the outbox, which holds identifiers: after each operation, and at the start of a run in case a killed run
         * left one. A failed drop only logs: the next run drops or replaces the table, and the send's outcome matters more.
         */
        private void dropOutbox(MemberQueries queries) {
            try {
                warehouse.execute(queries.dropOutbox());
            } catch (RuntimeException e) {
                LOG.warn("sync {} run {}: could not drop the outbox {} ({})", sync.name(), runId, queries.outbox(),
                        e.getClass().getSimpleName());
            }
        }

        private boolean sendOutbox(String sql, Operation op, long total, AudienceRef audience) {
            long lastSeq = 0;
            long done = 0;
            int sequence = 0;
            while (true) {
                if (options.stopRequested().getAsBoolean()) return false;
                Page page = readPage(sql, op, lastSeq);
                if (page.members().isEmpty()) return true;
                lastSeq = page.lastSeq();
                Batch batch = Batch.builder(audience, op, page.members()).runId(runId).sequence(sequence++).lastBatch(done + page.members().size() >= total).totalInRun(total).build();
                BatchResult result = guard.call(op.name().toLowerCase(Locale.ROOT) + " batch " + batch.sequence(),
                        () -> destination.push(batch)).requireCovers(batch);
                List<Outcome> outcomes = new ArrayList<>(result.rows().size());
                for (RowResult r : result.rows()) {
                    Member m = page.byKey().get(r.key());
                    outcomes.add(new Outcome(r.key(), op, r.status(), r.code(), r.message(),
                            r.destinationId() != null ? r.destinationId() : m.destinationId(), page.fingerprints().get(r.key())));
                }
                UploadStats reported = result.uploadStats().orElse(null);
                BatchCommitter.Counts c = new BatchCommitter(warehouse).commit(sync.name(), runId, outcomes, reported,
                        options.clock().instant());
                if (reported != null) upload = upload == null ? reported : upload.plus(reported);
                added += c.added();
                removed += c.removed();
                updated += c.updated();
                rejected += c.rejected();
                retried += c.retried();
                done += c.sent();
                options.progress().advance(c.sent());
            }
        }

        private record Page(List<Member> members, Map<String, Member> byKey, Map<String, String> fingerprints, long lastSeq) {
        }

        private Page readPage(String sql, Operation op, long afterSeq) {
            Map<String, Member> byKey = new LinkedHashMap<>();
            Map<String, String> fps = new LinkedHashMap<>();
            long[] last = {afterSeq};
            List<String> fieldNames = new ArrayList<>(target.fields().keySet());
            warehouse.query(sql, List.of(afterSeq), row -> {
                last[0] = Math.max(last[0], row.longValue("seglift_seq"));
                String key = row.string("seglift_key");
                if (byKey.containsKey(key)) return;
                byKey.put(key, member(row, key, op, fieldNames));
                fps.put(key, row.string("seglift_fp"));
            });
            return new Page(List.copyOf(byKey.values()), byKey, fps, last[0]);
        }

        private Member member(Row row, String key, Operation op, List<String> fieldNames) {
            Map<IdentifierType, String> ids = new EnumMap<>(IdentifierType.class);
            for (int i = 0; i < target.identifiers().size(); i++) {
                String v = row.string("seglift_id_" + i);
                if (v != null && !v.isBlank()) ids.put(target.identifiers().get(i), v.trim());
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            if (op != Operation.REMOVE) {
                for (int i = 0; i < fieldNames.size(); i++) {
                    Object v = row.get("seglift_f_" + i);
                    attrs.put(fieldNames.get(i), v == null ? "" : v.toString());
                }
            }
            return new Member(key, ids, attrs, row.string("seglift_dest"));
        }

        /**
         * The stored audience is gone (the destination created another, or found another by name): its members are not
         * in the new one, so the sync's state is reset and the whole segment sent again, with a warning in the run.
         */
        private void resetForNewAudience(AudienceStore audiences, String knownId, AudienceRef audience) {
            long forgotten = audiences.resetState(sync.name());
            new AudienceLinks(warehouse).forget(sync.name());
            String warning = String.format(Locale.ROOT, "audience %s of destination %s was not found (deleted in the "
                            + "destination?); %s audience %s \"%s\" is used instead and the sync's state (%d members) was reset, so "
                            + "the whole segment is sent again", knownId, dc.name(), audience.created() ? "a new" : "the existing",
                    audience.id(), audience.name(), forgotten);
            history.warn(runId, warning);
            LOG.warn("sync {} run {}: audience {} not found; using {} and sending the whole segment again", sync.name(),
                    runId, knownId, audience.id());
        }
    }
}
