package org.gridwarden.testkit.generate;

import java.util.List;
import java.util.stream.IntStream;
import org.gridwarden.rules.reference.GridPlace;

/**
 * What makes one grid different from the next in the simulation, fixed for a run.
 *
 * @param buildings number of buildings (楼栋), numbered from 1
 * @param activity thousands of residents, times how readily they turn to the city compared with a typical grid:
 *     the mean number of cases a day at a rate of one per thousand residents
 * @param hazardReporting how diligently its worker reports hazards; well below 1 in grids that under-report (漏报)
 * @param buildingIds the id of building n at n - 1, made once: a city asks for them millions of times
 * @param addresses the address of building n at n - 1
 */
record GridProfile(GridPlace place, int buildings, double activity, double hazardReporting, List<String> buildingIds,
        List<String> addresses) {

    static GridProfile of(GridPlace place, int buildings, double activity, double hazardReporting) {
        String gridId = place.grid().gridId();
        String community = place.street().name() + place.community().name();
        return new GridProfile(place, buildings, activity, hazardReporting,
                IntStream.rangeClosed(1, buildings).mapToObj(b -> gridId + "-B" + (b < 10 ? "0" : "") + b).toList(),
                IntStream.rangeClosed(1, buildings).mapToObj(b -> community + b + "号楼").toList());
    }

    String gridId() {
        return place.grid().gridId();
    }

    String workerId() {
        return place.grid().workerId();
    }

    int randomBuilding(Dice dice) {
        return dice.between(1, buildings);
    }

    /** E.g. {@code S01C01G01-B07}. */
    String buildingId(int building) {
        return buildingIds.get(building - 1);
    }

    /** E.g. 东湖街道湖滨社区7号楼. */
    String address(int building) {
        return addresses.get(building - 1);
    }

    /** A flat in a building, e.g. 东湖街道湖滨社区7号楼2单元1103室: where a caller lives when no building is recorded. */
    String flat(int building, Dice dice) {
        int floor = dice.between(1, 18);
        return address(building) + dice.between(1, 4) + "单元" + floor + "0" + dice.between(1, 4) + "室";
    }

    String communityId() {
        return place.community().id();
    }
}
