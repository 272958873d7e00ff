package org.kumaj.model.validation;

/**
 * One validation failure: the field it concerns and a human reason, exactly as Kuma reports it in
 * {@code invalid_parameters[].field} / {@code reason}.
 */
public record Violation(String field, String message) {}
