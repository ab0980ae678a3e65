package com.relationship.projection.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** A rebuild request that cannot be carried out, as problem+json with what to do instead. */
class RebuildProblem extends ErrorResponseException {

    private RebuildProblem(HttpStatus status, String type, String detail) {
        super(status, problem(status, type, detail), null);
    }

    static RebuildProblem notFound(String id) {
        return new RebuildProblem(HttpStatus.NOT_FOUND, "rebuild-not-found", "There is no rebuild " + id
                + " on this instance: rebuilds are kept in memory by the instance that ran them; list them at"
                + " GET /api/v1/admin/rebuilds.");
    }

    static RebuildProblem conflict(String detail) {
        return new RebuildProblem(HttpStatus.CONFLICT, "rebuild-conflict", detail);
    }

    /** A step of a read model's swap failed and was undone: the read model is as it was; swap again. */
    static RebuildProblem swapFailed(String readModel, String what) {
        return new RebuildProblem(HttpStatus.SERVICE_UNAVAILABLE, "rebuild-swap-failed", "Nothing of " + readModel
                + " was swapped: " + what + ". Its listener goes on as before; ask for the swap again (the read"
                + " models swapped before it stay swapped).");
    }

    /** A swap step failed and could not be undone: a person has to finish it. */
    static Broken swapBroken(String readModel, String what) {
        return new Broken(readModel, what);
    }

    /** A swap that could not be undone; the listener of the read model is left stopped. */
    static final class Broken extends RebuildProblem {
        private Broken(String readModel, String what) {
            super(HttpStatus.INTERNAL_SERVER_ERROR, "rebuild-swap-broken", "The swap of " + readModel + " failed and"
                    + " could not be undone: " + what + ". Its listener is left stopped (health: listenerContainer"
                    + " DOWN) so it folds nothing onto a collection its offsets do not match.");
        }
    }

    static RebuildProblem unknownReadModel(String name, Object known) {
        return new RebuildProblem(HttpStatus.BAD_REQUEST, "invalid-parameter", "There is no read model '" + name
                + "'; the read models are " + known + ".");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        return problem;
    }
}
