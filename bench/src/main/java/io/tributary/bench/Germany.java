package io.tributary.bench;

import java.util.SplittableRandom;

/**
 * Germany's bounding box (47.4-54.9 N, 6.0-14.9 E), where benchmarks 5 and 6 place their nodes and
 * customers. Coordinates are whole ten-thousandths of a degree (about 11 m), written with four
 * decimals.
 */
final class Germany {

    static final int LAT_MIN = 474_000;
    static final int LAT_SPAN = 75_000;
    static final int LON_MIN = 60_000;
    static final int LON_SPAN = 89_000;

    private Germany() {
    }

    /**
     * Site {@code i} (from 0) of a set spread evenly over the box, as {latitude, longitude}: an R2
     * low-discrepancy sequence, so any number of sites covers the country without clusters.
     */
    static int[] site(int i) {
        double u = (0.5 + (i + 1) * 0.7548776662466927) % 1;
        double v = (0.5 + (i + 1) * 0.5698402909980532) % 1;
        return new int[] {LAT_MIN + (int) (u * LAT_SPAN), LON_MIN + (int) (v * LON_SPAN)};
    }

    static int randomLatitude(SplittableRandom random) {
        return LAT_MIN + random.nextInt(LAT_SPAN + 1);
    }

    static int randomLongitude(SplittableRandom random) {
        return LON_MIN + random.nextInt(LON_SPAN + 1);
    }

    static double degrees(int tenThousandths) {
        return tenThousandths / 10_000.0;
    }

    static java.math.BigDecimal decimal(int tenThousandths) {
        return java.math.BigDecimal.valueOf(tenThousandths, 4);
    }

    /** Appends a positive coordinate with four decimals, without formatting machinery (it runs per request). */
    static void append(StringBuilder sb, int tenThousandths) {
        int fraction = tenThousandths % 10_000;
        sb.append(tenThousandths / 10_000).append('.');
        if (fraction < 1000) {
            sb.append('0');
        }
        if (fraction < 100) {
            sb.append('0');
        }
        if (fraction < 10) {
            sb.append('0');
        }
        sb.append(fraction);
    }
}
