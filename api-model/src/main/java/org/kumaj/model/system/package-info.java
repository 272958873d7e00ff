/** Kuma's system types (secrets, zones, internal config) and protojson helpers for proto-based specs. */
package org.kumaj.model.system;
