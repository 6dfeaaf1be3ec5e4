package workbook.labkit.experiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineChartTest {
    @Test
    void writesAnSvgWithTheTitleEverySeriesInTheLegendAndTheLabelledReference() {
        String svg = new LineChart("Allowed per second", "second", "requests")
                .series("fixed window", new double[]{0, 1, 2}, new double[]{100, 200, 0})
                .series("token bucket", new double[]{0, 1, 2}, new double[]{100, 100, 100})
                .reference("limit: 100 requests/s", 100)
                .steps()
                .svg();
        assertThat(svg).startsWith("<?xml").contains("<svg", "Allowed per second", "fixed window", "token bucket",
                "limit: 100 requests/s", ">second<", ">requests<");
    }

    @Test
    void clockTimeAxesReadAsTimesOfDay() {
        String svg = new LineChart("One day", "time of day", "instances").clockTimeX()
                .series("instances", new double[]{0, 540, 1439}, new double[]{2, 9, 2})
                .svg();
        assertThat(svg).contains(">09:00<").doesNotContain(">540<");
    }

    @Test
    void aLogScaleLeavesOutZerosAndShowsPowersOfTen() {
        String svg = new LineChart("Rows read", "page", "rows").logY()
                .series("offset", new double[]{1, 2, 3}, new double[]{20, 2000, 200000})
                .series("keyset", new double[]{1, 2, 3}, new double[]{0, 20, 20})
                .svg();
        // Tick labels on a log axis are drawn as outlines, so only the legend can be read back as text.
        assertThat(svg).startsWith("<?xml").contains(">offset<", ">keyset<", ">rows<");
    }
}
