package com.acme.opt;

import io.optcheck.api.LineSearch;

/**
 * The adapter: AcmeBacktracking as an optcheck line search. It claims the Armijo condition with
 * its constant c, and declares itself a backtracking search (alpha0, beta), so that gd.armijo also
 * checks that the accepted step is not too short.
 */
public final class AcmeBacktrackingSearch implements LineSearch {

    @Override
    public String id() {
        return "acme.backtracking";
    }

    @Override
    public Condition condition() {
        return Condition.ARMIJO;
    }

    @Override
    public double c1() {
        return AcmeBacktracking.C;
    }

    @Override
    public double initialStep() {
        return AcmeBacktracking.ALPHA0;
    }

    @Override
    public double shrinkFactor() {
        return AcmeBacktracking.BETA;
    }

    @Override
    public double step(Ray ray) {
        return AcmeBacktracking.search(ray::value, ray.slope(0));
    }
}
