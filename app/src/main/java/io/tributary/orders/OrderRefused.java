package io.tributary.orders;

import io.tributary.shared.DomainException;
import java.util.List;
import java.util.Map;

/**
 * The channel refuses orders it cannot fill (backorder policy REFUSE) and no node could fill
 * this one: 409 {@code insufficient-stock}, nothing stored, with the units missing per line.
 */
public class OrderRefused extends DomainException {

    public OrderRefused(String summary, List<Map<String, Object>> missing) {
        super("insufficient-stock", 409, "The order cannot be filled now and the channel refuses backorders: " + summary,
                List.of(), Map.of("missing", missing));
    }
}
