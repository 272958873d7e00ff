/** Kuma's proto-based ("old style") core types: meshes, proxies, gateways, services and insights. */
package org.kumaj.model.mesh;
