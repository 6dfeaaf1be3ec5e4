package workbook.autoscaling;

/** Where an instance is in its life. Only {@link #WARMING} and {@link #WARM} instances take traffic. */
public enum InstanceState {
    /** Launched and billed, not yet taking traffic. */
    BOOTING,
    /** Taking its share of traffic with cold caches, so every request costs more CPU. */
    WARMING,
    /** Fully useful. */
    WARM
}
