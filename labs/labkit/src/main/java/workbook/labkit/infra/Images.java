package workbook.labkit.infra;

/** Docker image tags for the docker backend, pinned in this one place. */
public final class Images {
    public static final String POSTGRES = "postgres:17";
    public static final String REDIS = "redis:7";
    public static final String TOXIPROXY = "ghcr.io/shopify/toxiproxy:2.12.0";

    private Images() {
    }
}
