package org.gridwarden.jobs.generate;

import org.gridwarden.rules.reference.GridPlace;

/**
 * What makes one grid different from the next in the simulation, fixed for a run.
 *
 * @param buildings number of buildings (楼栋), numbered from 1
 * @param activity how many cases the grid produces relative to an average grid
 * @param hazardReporting how diligently its worker reports hazards; well below 1 in grids that under-report (漏报)
 */
record GridProfile(GridPlace place, int buildings, double activity, double hazardReporting) {

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
        return gridId() + "-B" + (building < 10 ? "0" : "") + building;
    }

    /** E.g. 东湖街道湖滨社区7号楼. */
    String address(int building) {
        return place.street().name() + place.community().name() + building + "号楼";
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
