package io.seglift.scoring.propensity;

import io.seglift.scoring.propensity.metrics.CalibrationBin;
import io.seglift.scoring.propensity.metrics.DecileGain;
import io.seglift.scoring.propensity.metrics.FeatureImportance;
import io.seglift.scoring.propensity.metrics.ValidationReport;
import io.seglift.scoring.propensity.registry.ModelMetadata;

import java.util.Locale;

/** A model's metadata and validation as plain text for the terminal. */
public final class ModelReportText {
    private ModelReportText() {
    }

    public static String render(ModelMetadata m) {
        ValidationReport v = m.validation();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Model %s (%s%s)%n", m.id(), m.kind(),
                m.horizonDays() > 0 ? ", " + m.horizonDays() + " days" : m.label() == null ? "" : ", " + m.label()));
        if (m.trainingCutoff() != null) {
            s.append(String.format(Locale.ROOT, "  trained on features as of %s (labels to %s), validated as of %s "
                            + "(labels to %s), for scoring as of %s%n", m.trainingCutoff(),
                    m.trainingCutoff().plusDays(m.horizonDays()), m.validationCutoff(),
                    m.validationCutoff().plusDays(m.horizonDays()), m.asOf()));
        } else {
            s.append("  trained on 80% of the label table by key hash, validated on the other 20%\n");
        }
        s.append(String.format(Locale.ROOT, "  %,d training rows (%,d positive), %d features, %d trees, fingerprint %s%n",
                m.trainRows(), m.trainPositives(), m.features().size(), m.rounds(), m.fingerprint().substring(0, 16)));
        s.append(String.format(Locale.ROOT, "Validation on %,d rows (%,d positive):%n", v.rows(), v.positives()));
        s.append(String.format(Locale.ROOT, "  AUC-ROC %.4f   PR-AUC %.4f   log loss %.4f   Brier %.4f%n",
                v.aucRoc(), v.prAuc(), v.logLoss(), v.brier()));
        s.append("Calibration (predicted vs observed):\n  bin          rows   predicted  observed\n");
        for (CalibrationBin b : v.calibration()) {
            s.append(String.format(Locale.ROOT, "  %.1f-%.1f  %8d   %9s  %8s%n", b.from(), b.to(), b.count(),
                    pct(b.meanPredicted()), pct(b.observedRate())));
        }
        s.append("Gains by decile (10 = highest scores):\n  decile   rows  positives    rate   lift  cum.gain\n");
        for (DecileGain g : v.gains()) {
            s.append(String.format(Locale.ROOT, "  %6d %6d  %9d  %6s  %5.2f  %8s%n", g.decile(), g.count(),
                    g.positives(), pct(g.rate()), g.lift(), pct(g.cumulativeGain())));
        }
        s.append("Top features (share of gain):\n");
        for (FeatureImportance f : v.importances()) {
            s.append(String.format(Locale.ROOT, "  %-32s %6s%n", f.feature(), pct(f.share())));
        }
        for (String note : m.notes()) {
            s.append("Note: ").append(note).append('\n');
        }
        return s.toString();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
