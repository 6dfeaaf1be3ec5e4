package workbook.autoscaling;

/**
 * One instance as the autoscaler sees it at the end of a tick.
 *
 * @param state      booting, warming or warm
 * @param ageSeconds seconds since it was launched
 * @param cpu        its CPU utilisation over the tick, 0.0 to 1.0 (a gauge: it cannot show more than 100%);
 *                   0 while booting
 */
public record InstanceView(InstanceState state, long ageSeconds, double cpu) {
}
