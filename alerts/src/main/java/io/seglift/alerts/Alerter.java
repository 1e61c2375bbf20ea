package io.seglift.alerts;

import io.seglift.config.AlertKind;
import io.seglift.config.AlertsConfig;
import io.seglift.config.SegmentStability;
import io.seglift.spi.time.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Decides whether something that happened is worth an alert under the project's {@code alerts:} block, sends it and
 * records the delivery. An alert never fails the command that noticed the event: every failure (receiver down,
 * recording impossible) is logged, reported to {@code notice} as one line without the payload, and recorded when the
 * warehouse allows; callers keep their own exit code.
 */
public final class Alerter {
    private static final Logger LOG = LoggerFactory.getLogger(Alerter.class);

    private final String project;
    private final AlertsConfig config;
    private final AlertRecorder recorder;
    private final Clock clock;
    private final Optional<WebhookDelivery> delivery;
    private final Consumer<String> notice;

    /**
     * @param notice where a one-line note goes when an alert could not be delivered or recorded (e.g. stderr)
     */
    public Alerter(String project, AlertsConfig config, AlertRecorder recorder, WebhookTransport transport, Clock clock,
                   Sleeper sleeper, Consumer<String> notice) {
        this.project = project;
        this.config = config;
        this.recorder = recorder;
        this.clock = clock;
        this.delivery = config.enabled() ? Optional.of(new WebhookDelivery(config, transport, clock, sleeper))
                : Optional.empty();
        this.notice = notice;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** A sync run failed, or the sync could not run; {@code error} is free text and is redacted. */
    public Optional<DeliveryRecord> syncFailed(String sync, String segment, String runId, String error) {
        if (!config.sends(AlertKind.SYNC_FAILED)) return Optional.empty();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error", error);
        return send(new Alert(newId(), AlertKind.SYNC_FAILED, sync, segment, runId, prefix() + "sync " + sync
                + " failed" + (runId == null ? "" : " (run " + runId + ")") + ": " + error, details, clock.instant()));
    }

    /**
     * A run finished; alerts when {@code rejected} is more than {@code rejected_share_above} of the rows sent
     * ({@code sent}, accepted plus rejected).
     */
    public Optional<DeliveryRecord> runFinished(String sync, String segment, String runId, long sent, long rejected) {
        if (!config.sends(AlertKind.REJECTED_SHARE) || sent <= 0) return Optional.empty();
        double share = (double) rejected / sent;
        if (share <= config.rejectedShareAbove()) return Optional.empty();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sent", sent);
        details.put("rejected", rejected);
        details.put("rejected_share", share);
        details.put("threshold", config.rejectedShareAbove());
        return send(new Alert(newId(), AlertKind.REJECTED_SHARE, sync, segment, runId, prefix() + "sync " + sync
                + " had " + rejected + " of " + sent + " rows rejected (" + percent(share) + ", above "
                + percent(config.rejectedShareAbove()) + ") in run " + runId + "; reasons: seglift runs show " + runId,
                details, clock.instant()));
    }

    /**
     * A segment was built; alerts when its change ratio (entered plus exited over the previous members) is above
     * {@link SegmentStability#FLAG_ABOVE}. {@code changeRatio} is empty for a first build.
     */
    public Optional<DeliveryRecord> segmentBuilt(String segment, LocalDate asOf, long members, long entered,
                                                 long exited, Optional<Double> changeRatio) {
        if (!config.sends(AlertKind.MEMBERSHIP_CHANGE) || changeRatio.isEmpty()
                || !SegmentStability.flagged(changeRatio.get())) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("as_of", asOf.toString());
        details.put("members", members);
        details.put("entered", entered);
        details.put("exited", exited);
        details.put("change_ratio", changeRatio.get());
        details.put("threshold", SegmentStability.FLAG_ABOVE);
        return send(new Alert(newId(), AlertKind.MEMBERSHIP_CHANGE, null, segment, null, prefix() + "segment "
                + segment + " changed " + percent(changeRatio.get()) + " of its membership in the build as of " + asOf
                + " (" + entered + " entered, " + exited + " exited, " + members + " members; flagged above "
                + SegmentStability.label() + ")", details, clock.instant()));
    }

    /**
     * A segment's lift was measured; alerts when {@code state} (e.g. {@code POSITIVE}) differs from the one
     * remembered from the previous measurement, then remembers it. The first measurement only remembers.
     */
    public Optional<DeliveryRecord> liftMeasured(String segment, String state, String verdict) {
        if (!config.sends(AlertKind.LIFT_VERDICT_CHANGE)) return Optional.empty();
        Optional<String> previous;
        try {
            previous = recorder.lastSeen(segment, AlertKind.LIFT_VERDICT_CHANGE);
            if (previous.isPresent() && previous.get().equals(state)) return Optional.empty();
            recorder.remember(segment, AlertKind.LIFT_VERDICT_CHANGE, state, clock.instant());
        } catch (RuntimeException e) {
            warn("cannot read or remember the lift verdict of segment " + segment + " (" + e.getClass().getSimpleName()
                    + "); no lift alert this time", e);
            return Optional.empty();
        }
        if (previous.isEmpty()) return Optional.empty();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previous", previous.get());
        details.put("current", state);
        details.put("verdict", verdict);
        return send(new Alert(newId(), AlertKind.LIFT_VERDICT_CHANGE, null, segment, null, prefix() + "segment "
                + segment + ": lift verdict changed from " + previous.get() + " to " + state + ". " + verdict,
                details, clock.instant()));
    }

    private Optional<DeliveryRecord> send(Alert alert) {
        DeliveryRecord r;
        try {
            r = delivery.orElseThrow().deliver(alert, AlertMessage.body(project, alert));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = new DeliveryRecord(alert.id(), alert.kind(), alert.sync(), alert.segment(), alert.runId(), 0, null,
                    false, "interrupted", alert.occurredAt(), clock.instant());
        } catch (RuntimeException e) {
            r = new DeliveryRecord(alert.id(), alert.kind(), alert.sync(), alert.segment(), alert.runId(), 0, null,
                    false, "not sent: " + e.getClass().getSimpleName(), alert.occurredAt(), clock.instant());
        }
        if (!r.delivered()) {
            warn("alert " + alert.kind().code() + " " + subject(alert) + " was not delivered after " + r.attempts()
                    + " attempt(s) (" + r.error() + "); the command's result is unchanged", null);
        } else {
            LOG.info("alert {} {} delivered in {} attempt(s)", alert.kind().code(), subject(alert), r.attempts());
        }
        try {
            recorder.delivered(r);
        } catch (RuntimeException e) {
            warn("alert " + alert.kind().code() + " " + subject(alert) + " could not be recorded in "
                    + AlertTables.DELIVERIES + " (" + e.getClass().getSimpleName() + ")", e);
        }
        return Optional.of(r);
    }

    private void warn(String message, Exception e) {
        if (e == null) LOG.warn(message);
        else LOG.warn(message, e);
        notice.accept("warning: " + message);
    }

    private static String subject(Alert a) {
        return a.sync() != null ? "for sync " + a.sync() : "for segment " + a.segment();
    }

    private String prefix() {
        return "Seglift " + project + ": ";
    }

    private static String newId() {
        return "alrt_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
