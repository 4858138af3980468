package org.gridwarden.testkit.generate;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.gridwarden.rules.reference.Category;

/**
 * The district's categories as the simulation draws them. Each category gets a popularity of its own (some
 * subjects come up far more often than others); residents call more about services than about hazards;
 * sensors only sense some hazards.
 */
final class Taxonomy {

    /** Smoke, electrical and gas sensors (物联感知) report fire and gas hazards. */
    private static final Set<String> SENSED_FAMILIES = Set.of("fire", "gas");
    private static final double HAZARD_COMPLAINT_WEIGHT = 0.4;

    private record Pool(List<Category> categories, double[] weights) {
        Category draw(Dice dice) {
            return categories.get(dice.weighted(weights));
        }
    }

    private final List<Category> all;
    private final Map<String, Category> byCode = new HashMap<>();
    private final double[] popularity;
    private final Pool complaints;
    private final Pool hazards;
    private final Pool sensed;
    private final Pool disputes;
    private final Pool services;

    Taxonomy(Collection<Category> categories, Dice dice) {
        all = List.copyOf(categories);
        all.forEach(c -> byCode.put(c.code(), c));
        popularity = new double[all.size()];
        double[] complaintWeights = new double[all.size()];
        for (int i = 0; i < all.size(); i++) {
            popularity[i] = dice.logNormal(1.0, 0.6);
            complaintWeights[i] = popularity[i] * (all.get(i).hazard() ? HAZARD_COMPLAINT_WEIGHT : 1.0);
        }
        complaints = new Pool(all, complaintWeights);
        hazards = pool(Category::hazard);
        sensed = pool(c -> c.hazard() && SENSED_FAMILIES.contains(c.family()));
        disputes = pool(c -> !c.hazard());
        services = new Pool(disputes.categories(), disputes.categories().stream()
                .mapToDouble(c -> popularity[all.indexOf(c)]).toArray());
    }

    Category byCode(String code) {
        return byCode.get(code);
    }

    /** What a resident calls, writes or comes in about. */
    Category complaint(Dice dice) {
        return complaints.draw(dice);
    }

    /** What a grid worker or an inspection finds. */
    Category hazard(Dice dice) {
        return hazards.draw(dice);
    }

    Category sensed(Dice dice) {
        return sensed.draw(dice);
    }

    /** What a grid worker sees happen (突发事件): disputes and service problems. */
    Category incident(Dice dice) {
        return disputes.draw(dice);
    }

    /** A service request (诉求) that is no safety hazard: what people call about again and again, or together. */
    Category service(Dice dice) {
        return services.draw(dice);
    }

    /** The service categories of one family. */
    List<Category> servicesOf(String family) {
        return services.categories().stream().filter(c -> c.family().equals(family)).toList();
    }

    /** The categories that match, by popularity; all of them if a district has none that match. */
    private Pool pool(Predicate<Category> filter) {
        List<Category> chosen = all.stream().filter(filter).toList();
        List<Category> categories = chosen.isEmpty() ? all : chosen;
        double[] weights = categories.stream().mapToDouble(c -> popularity[all.indexOf(c)]).toArray();
        return new Pool(categories, weights);
    }
}
