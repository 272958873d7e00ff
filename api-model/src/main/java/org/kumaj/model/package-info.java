/** Kuma resource types: descriptors, specs, codecs and validation. */
package org.kumaj.model;
