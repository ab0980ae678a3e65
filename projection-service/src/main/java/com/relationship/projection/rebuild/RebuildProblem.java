package com.relationship.projection.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** A rebuild request that cannot be carried out, as problem+json with what to do instead. */
final class RebuildProblem extends ErrorResponseException {

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
