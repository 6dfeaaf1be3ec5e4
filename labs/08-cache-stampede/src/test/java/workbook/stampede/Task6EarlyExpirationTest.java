package workbook.stampede;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * XFetch under steady load, simulated with a clock the test moves: a hot key with a 10 s TTL, a
 * 300 ms recomputation, and a read every 20 ms, over a few hundred expiries.
 */
@Task(6)
class Task6EarlyExpirationTest {
    static final Duration TTL = Duration.ofSeconds(10);
    static final Duration RECOMPUTE = Duration.ofMillis(300);
    static final Duration BETWEEN_READS = Duration.ofMillis(20);
    static final int EXPIRIES = 300;

    /**
     * What happened to the key over the simulated time: recomputations started, TTL periods in which
     * readers found the key expired, and how long before its expiry each early recomputation started.
     */
    record Run(int recomputations, int missedExpiries, List<Long> leadMillis) {
        double recomputationsPerTtl() {
            return recomputations / (double) EXPIRIES;
        }

        double medianLeadMillis() {
            List<Long> sorted = leadMillis.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        }
    }

    /**
     * Reads the key every {@code between}; each read asks {@code early} whether to recompute. A
     * recomputation takes RECOMPUTE; until it lands, readers still see the old value and its old
     * expiry, and a reader that also decides to recompute joins the running one (as it would with
     * single-flight or the fleet lock) instead of starting another. The new value lives TTL.
     */
    static Run simulate(EarlyExpiration early, Duration between) {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        Instant end = clock.instant().plus(TTL.multipliedBy(EXPIRIES));
        Instant expiry = clock.instant().plus(TTL);
        Instant landsAt = null; // when the running recomputation, if any, writes its value
        boolean expiredThisPeriod = false;
        int recomputations = 0;
        int missedExpiries = 0;
        List<Long> leads = new ArrayList<>();
        while (clock.instant().isBefore(end)) {
            clock.advance(between);
            Instant now = clock.instant();
            if (landsAt != null && !now.isBefore(landsAt)) {
                expiry = landsAt.plus(TTL);
                landsAt = null;
                expiredThisPeriod = false;
            }
            if (!now.isBefore(expiry) && !expiredThisPeriod) {
                missedExpiries++; // a reader found the key expired: the moment a stampede starts
                expiredThisPeriod = true;
            }
            if (early.shouldRecompute(now, expiry, RECOMPUTE) && landsAt == null) {
                recomputations++;
                if (now.isBefore(expiry)) {
                    leads.add(Duration.between(now, expiry).toMillis());
                }
                landsAt = now.plus(RECOMPUTE);
            }
        }
        return new Run(recomputations, missedExpiries, leads);
    }

    @Test
    void underSteadyLoadTheKeyIsRecomputedBeforeItExpires() {
        Run run = simulate(new EarlyExpiration(1.0, new Random(2015)), BETWEEN_READS);

        assertThat(run.recomputations()).as("recomputations over %d TTLs of steady load", EXPIRIES).isPositive();
        assertThat(run.missedExpiries()).as("times (of %d recomputations) a reader found the key expired; XFetch should "
                        + "refresh it before it expires (a reader every %d ms, a %d ms recomputation, beta 1)",
                run.recomputations(), BETWEEN_READS.toMillis(), RECOMPUTE.toMillis()).isLessThanOrEqualTo(EXPIRIES / 100);
    }

    @Test
    void itRecomputesAboutOncePerTtlAndShortlyBeforeExpiry() {
        Run run = simulate(new EarlyExpiration(1.0, new Random(7)), BETWEEN_READS);

        assertThat(run.recomputationsPerTtl()).as("recomputations per %d s TTL (%d over %d TTLs): early expiration "
                        + "must cost about one recomputation per TTL, not many", TTL.toSeconds(), run.recomputations(), EXPIRIES)
                .isBetween(0.95, 1.2);
        assertThat(run.medianLeadMillis()).as("median time between an early recomputation and the expiry it prevented, "
                + "in ms; it should exceed the %d ms recomputation (so the new value lands in time) by a few times at most",
                RECOMPUTE.toMillis())
                .isBetween((double) RECOMPUTE.toMillis(), 5.0 * RECOMPUTE.toMillis());
    }

    @Test
    void aLargerBetaRefreshesEarlier() {
        Run usual = simulate(new EarlyExpiration(1.0, new Random(11)), BETWEEN_READS);
        Run eager = simulate(new EarlyExpiration(3.0, new Random(11)), BETWEEN_READS);

        assertThat(eager.medianLeadMillis()).as("median lead before expiry with beta 3 (beta 1: %.0f ms): beta scales "
                + "how far ahead each reader looks", usual.medianLeadMillis()).isGreaterThan(2 * usual.medianLeadMillis());
    }

    @Test
    void theDecisionFollowsTheDistanceToExpiry() {
        EarlyExpiration early = new EarlyExpiration(1.0, new Random(3));
        Instant expiry = Instant.parse("2026-01-01T00:00:10Z");
        int farAhead = 0;
        int expired = 0;
        for (int i = 0; i < 10_000; i++) {
            farAhead += early.shouldRecompute(expiry.minus(TTL), expiry, RECOMPUTE) ? 1 : 0;
            expired += early.shouldRecompute(expiry.plusMillis(1), expiry, RECOMPUTE) ? 1 : 0;
        }
        assertThat(farAhead).as("of 10000 reads 10 s before expiry with a 300 ms recomputation, how many recompute "
                + "(the chance is e^(-10000/300), about 3 in 10^15)").isZero();
        assertThat(expired).as("of 10000 reads 1 ms after expiry, how many recompute: an expired value is always recomputed")
                .isEqualTo(10_000);
    }

    @Test
    void aBetaThatIsNotPositiveIsRejected() {
        for (double beta : new double[]{0, -1, Double.NaN}) {
            assertThatThrownBy(() -> new EarlyExpiration(beta, new Random(1)))
                    .as("new EarlyExpiration(%s, ...): beta must be positive", beta)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("beta");
        }
    }
}
