package workbook.labkit.experiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineChartTest {
    @Test
    void drawsEverySeriesWithALegendAndRoundTicks() {
        String svg = new LineChart("Allowed per second", "second", "requests")
                .series("fixed window", new double[]{0, 1, 2}, new double[]{100, 200, 0})
                .series("token bucket", new double[]{0, 1, 2}, new double[]{100, 100, 100})
                .reference("limit", 100)
                .steps()
                .svg();
        assertThat(svg).startsWith("<svg").contains("fixed window", "token bucket", "limit", ">250<");
        assertThat(svg.split("<polyline", -1)).hasSize(3);
    }

    @Test
    void roundsAxisMaximaToReadableNumbers() {
        assertThat(LineChart.niceCeiling(173)).isEqualTo(200);
        assertThat(LineChart.niceCeiling(0.07)).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(LineChart.niceCeiling(2300)).isEqualTo(2500);
    }
}
