package io.tributary.procurement;

/**
 * How a replenishment policy decides what to buy for one item at one location.
 * <ul>
 *   <li>REORDER_POINT: when projected available falls to the reorder point or below, order up to
 *       {@code orderUpTo}.</li>
 *   <li>MIN_MAX: when projected available falls below {@code min}, order up to {@code max}.</li>
 *   <li>DAYS_OF_COVER: keep {@code daysOfCover} days of the weighted daily demand plus safety stock.</li>
 *   <li>MAKE_TO_ORDER: buy exactly the backordered units not yet on order or in transit.</li>
 *   <li>NONE: never propose anything (the item is not replenished here).</li>
 * </ul>
 */
public enum ReplenishmentMethod {
    REORDER_POINT, MIN_MAX, DAYS_OF_COVER, MAKE_TO_ORDER, NONE
}
