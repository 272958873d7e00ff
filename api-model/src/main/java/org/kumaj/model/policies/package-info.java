/**
 * Kuma's targetRef policies (MeshTimeout, MeshTrafficPermission, ...), one subpackage each, with
 * the parts they share in {@code core}; {@link org.kumaj.model.policies.PolicyTypes} lists them.
 */
package org.kumaj.model.policies;
