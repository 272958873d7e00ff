/**
 * Kuma's legacy (source/destination selector) policies: old-style proto types such as
 * TrafficRoute or HealthCheck, with their descriptors and validators.
 */
package org.kumaj.model.legacy;
