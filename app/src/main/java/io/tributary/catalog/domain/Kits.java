package io.tributary.catalog.domain;

import io.tributary.catalog.Item.Component;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of kit structure, as pure functions over a bill of materials: a map from each kit's id to
 * its direct components (an item absent from the map, or mapped to an empty list, is a stocked item).
 * A kit never contains itself, directly or through other kits; kits nest at most {@link #MAX_DEPTH}
 * levels; and one kit never needs more than {@link #MAX_EXPLODED_QUANTITY} units of any stocked item.
 * The catalog checks these on every write, so a stored bill of materials always satisfies them.
 */
public final class Kits {

    /** Levels of kits: a kit of stocked items has depth 1, a kit containing such a kit depth 2, ... */
    public static final int MAX_DEPTH = 5;

    /** Units of one stocked item one kit may need once exploded; keeps every product within a long. */
    public static final long MAX_EXPLODED_QUANTITY = 1_000_000_000L;

    private Kits() {
    }

    /**
     * A path of item ids that leads from {@code start} back to {@code start}, or empty when
     * {@code start} is not part of a cycle. The path begins and ends with {@code start}.
     */
    public static Optional<List<UUID>> cycleThrough(UUID start, Map<UUID, List<Component>> bom) {
        Map<UUID, UUID> parent = new HashMap<>();
        Deque<UUID> todo = new ArrayDeque<>();
        Set<UUID> seen = new HashSet<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            UUID kit = todo.poll();
            for (Component c : bom.getOrDefault(kit, List.of())) {
                if (c.itemId().equals(start)) {
                    List<UUID> path = new ArrayList<>();
                    path.add(start);
                    for (UUID at = kit; !at.equals(start); at = parent.get(at)) {
                        path.add(1, at);
                    }
                    path.add(start);
                    return Optional.of(path);
                }
                if (seen.add(c.itemId())) {
                    parent.put(c.itemId(), kit);
                    todo.add(c.itemId());
                }
            }
        }
        return Optional.empty();
    }

    /** Levels of kits below and including {@code item}: 0 for a stocked item. The structure must be acyclic. */
    public static int depth(UUID item, Map<UUID, List<Component>> bom) {
        return depth(item, bom, new HashMap<>(), new HashSet<>());
    }

    private static int depth(UUID item, Map<UUID, List<Component>> bom, Map<UUID, Integer> memo, Set<UUID> path) {
        Integer known = memo.get(item);
        if (known != null) {
            return known;
        }
        if (!path.add(item)) {
            throw new IllegalStateException("kit structure contains a cycle through " + item);
        }
        int deepest = 0;
        for (Component c : bom.getOrDefault(item, List.of())) {
            deepest = Math.max(deepest, 1 + depth(c.itemId(), bom, memo, path));
        }
        path.remove(item);
        memo.put(item, deepest);
        return deepest;
    }

    /**
     * The stocked items one unit of {@code kit} consists of: nested kits flattened, quantities
     * multiplied along the way, an item reached by several paths summed; ordered by SKU. Empty for a
     * stocked item. Throws {@link IllegalStateException} on a cycle and {@link ArithmeticException}
     * when a quantity exceeds {@link #MAX_EXPLODED_QUANTITY}.
     */
    public static List<Component> explode(UUID kit, Map<UUID, List<Component>> bom) {
        Map<UUID, Component> units = perUnit(kit, bom, new HashMap<>(), new HashSet<>());
        return units.values().stream().sorted(Comparator.comparing(c -> c.sku().value())).toList();
    }

    private static Map<UUID, Component> perUnit(UUID kit, Map<UUID, List<Component>> bom,
                                                Map<UUID, Map<UUID, Component>> memo, Set<UUID> path) {
        Map<UUID, Component> known = memo.get(kit);
        if (known != null) {
            return known;
        }
        if (!path.add(kit)) {
            throw new IllegalStateException("kit structure contains a cycle through " + kit);
        }
        Map<UUID, Component> total = new LinkedHashMap<>();
        for (Component c : bom.getOrDefault(kit, List.of())) {
            List<Component> children = bom.getOrDefault(c.itemId(), List.of());
            if (children.isEmpty()) {
                add(total, c.itemId(), c, c.quantity());
            } else {
                for (Component leaf : perUnit(c.itemId(), bom, memo, path).values()) {
                    add(total, leaf.itemId(), leaf, Math.multiplyExact(c.quantity(), leaf.quantity()));
                }
            }
        }
        path.remove(kit);
        memo.put(kit, total);
        return total;
    }

    private static void add(Map<UUID, Component> total, UUID id, Component like, long quantity) {
        Component before = total.get(id);
        long sum = before == null ? quantity : Math.addExact(before.quantity(), quantity);
        if (sum > MAX_EXPLODED_QUANTITY) {
            throw new ArithmeticException("exploded quantity of " + like.sku() + " exceeds " + MAX_EXPLODED_QUANTITY);
        }
        total.put(id, new Component(id, like.sku(), sum));
    }

    /**
     * Why the bill of materials is not acceptable after {@code changed} got new components, or empty
     * when it is. {@code affected} are the kits whose structure the change reaches: {@code changed}
     * itself and every kit that contains it, directly or not.
     */
    public static Optional<String> violation(UUID changed, Map<UUID, List<Component>> bom, Collection<UUID> affected) {
        Optional<List<UUID>> cycle = cycleThrough(changed, bom);
        if (cycle.isPresent()) {
            return Optional.of("a kit cannot contain itself, directly or through other kits: "
                    + String.join(" > ", cycle.get().stream().map(id -> skuOf(id, changed, bom)).toList()));
        }
        for (UUID kit : affected) {
            if (depth(kit, bom) > MAX_DEPTH) {
                return Optional.of("kits may be nested at most " + MAX_DEPTH + " levels deep");
            }
        }
        for (UUID kit : affected) {
            try {
                explode(kit, bom);
            } catch (ArithmeticException e) {
                return Optional.of("a kit may need at most " + MAX_EXPLODED_QUANTITY + " units of any stocked item once nested kits are multiplied out");
            }
        }
        return Optional.empty();
    }

    private static String skuOf(UUID id, UUID changed, Map<UUID, List<Component>> bom) {
        return bom.values().stream().flatMap(List::stream).filter(c -> c.itemId().equals(id))
                .map(c -> c.sku().value()).findFirst().orElse(id.equals(changed) ? "(this item)" : id.toString());
    }
}
