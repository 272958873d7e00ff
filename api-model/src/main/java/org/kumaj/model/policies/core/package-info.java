/**
 * Parts shared by Kuma's targetRef policies: the {@code targetRef} and backend references, the
 * generic {@code to}/{@code from}/{@code rules} item shapes, {@link
 * org.kumaj.model.policies.core.IntOrString}, and the validation Kuma applies to them.
 */
package org.kumaj.model.policies.core;
