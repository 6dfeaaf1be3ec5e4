package workbook.httpcache;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded shop workload: request paths whose popularity follows a Zipf law (a few products get
 * most of the traffic), with the marketing parameters and parameter orders real links carry.
 */
final class Workload {
    private Workload() {
    }

    /** Zipf over 1..n with exponent s: rank k has weight 1 / k^s. */
    static final class Zipf {
        private final double[] cumulative;
        private final Random random;

        Zipf(int n, double s, Random random) {
            this.random = random;
            cumulative = new double[n];
            double sum = 0;
            for (int k = 1; k <= n; k++) {
                sum += 1 / Math.pow(k, s);
                cumulative[k - 1] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int next() {
            double u = random.nextDouble();
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] < u) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low + 1;
        }
    }

    /** Products that get traffic: the popular end of the catalogue. */
    static final int HOT_PRODUCTS = 100;

    /**
     * {@code requests} anonymous shop requests: 65% product pages (half of them from campaign links
     * with {@code utm_*} parameters), 15% assets, 10% seller images, 10% searches (parameters in
     * either order).
     */
    static List<String> shop(Origin origin, int requests, long seed) {
        Random random = new Random(seed);
        Zipf products = new Zipf(HOT_PRODUCTS, 1.0, random);
        Zipf images = new Zipf(50, 1.0, random);
        Zipf searches = new Zipf(30, 1.0, random);
        for (int i = 1; i <= 50; i++) {
            origin.uploadImage(imagePath(i), ("photo " + i).getBytes());
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int kind = random.nextInt(100);
            if (kind < 65) {
                String page = "/products/" + products.next();
                // half of the visits come from campaign links
                paths.add(random.nextBoolean() ? page : page + "?utm_source=mail&utm_campaign=c" + random.nextInt(40));
            } else if (kind < 80) {
                paths.add(origin.assetPath(random.nextBoolean() ? "app.js" : "app.css"));
            } else if (kind < 90) {
                paths.add(imagePath(images.next()));
            } else {
                String q = "q=term" + searches.next();
                String page = "page=" + (1 + random.nextInt(2));
                paths.add("/search?" + (random.nextBoolean() ? q + "&" + page : page + "&" + q));
            }
        }
        return paths;
    }

    static String imagePath(int i) {
        return "/images/seller-" + (i % 7) + "/photo-" + i + ".jpg";
    }
}
