/**
 * Who may do what, shared by relationship-service and projection-service: tokens, roles, the
 * actor of a request, and the problem+json answers for 401 and 403.
 */
package com.relationship.security;
