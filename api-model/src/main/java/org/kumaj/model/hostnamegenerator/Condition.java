package org.kumaj.model.hostnamegenerator;

/**
 * One condition in a status written by the control plane (Kubernetes' condition shape).
 *
 * @param type condition type in CamelCase, e.g. {@code Generated}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason a CamelCase reason for the last transition
 * @param message a human-readable message; may be empty (Kuma always writes it)
 */
public record Condition(String type, String status, String reason, String message) {}
