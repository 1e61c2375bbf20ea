package io.seglift.bench;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScalingChartTest {
    private static final List<ScalingPoint> POINTS = List.of(
            new ScalingPoint(100_000, "rfm", 0.4, 10L << 20),
            new ScalingPoint(1_000_000, "rfm", 4.0, 10L << 20),
            new ScalingPoint(10_000_000, "rfm", 40.0, 10L << 20),
            new ScalingPoint(100_000, "plan", 0.2, 5L << 20),
            new ScalingPoint(1_000_000, "plan", 2.0, 5L << 20),
            new ScalingPoint(10_000_000, "plan", 20.0, 5L << 20));

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static double[][] xy(Element polyline) {
        String[] pts = polyline.getAttribute("points").split(" ");
        double[][] out = new double[pts.length][];
        for (int i = 0; i < pts.length; i++) {
            String[] c = pts[i].split(",");
            out[i] = new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[1])};
        }
        return out;
    }

    @Test
    void drawsOneLinePerStepWithALegendEntry() throws Exception {
        Document svg = parse(ScalingChart.svg(POINTS));

        NodeList lines = svg.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(2);
        assertThat(ScalingChart.svg(POINTS)).contains(">rfm</text>").contains(">plan</text>")
                .contains(">100k</text>").contains(">10M</text>");
    }

    @Test
    void axesAreLogarithmicSoLinearGrowthIsAStraightEvenlySpacedLine() throws Exception {
        double[][] rfm = xy((Element) parse(ScalingChart.svg(POINTS)).getElementsByTagName("polyline").item(0));

        assertThat(rfm).hasNumberOfRows(3);
        double dx1 = rfm[1][0] - rfm[0][0];
        double dx2 = rfm[2][0] - rfm[1][0];
        double dy1 = rfm[1][1] - rfm[0][1];
        double dy2 = rfm[2][1] - rfm[1][1];
        assertThat(dx1).isPositive().isCloseTo(dx2, org.assertj.core.data.Offset.offset(0.2));
        assertThat(dy1).isNegative().isCloseTo(dy2, org.assertj.core.data.Offset.offset(0.2));
    }

    @Test
    void scalingJsonAndTableCarryTimeAndPeakHeap() {
        assertThat(POINTS.get(0).json()).containsEntry("customers", 100_000L).containsEntry("step", "rfm")
                .containsEntry("seconds", 0.4).containsEntry("peak_heap_mib", 10.0);
        assertThat(BenchTable.scaling(POINTS)).contains("PEAK_HEAP_MIB").contains("10,000,000");
    }

    @Test
    void refusesToChartNothing() {
        assertThatThrownBy(() -> ScalingChart.svg(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
