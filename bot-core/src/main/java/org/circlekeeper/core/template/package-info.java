/**
 * Every user-facing sentence comes from here: message keys declared in code with the values they
 * take, Mustache templates per locale from {@code templates/messages}, a deployment's override
 * folder, and each community's own wording kept in the store.
 */
package org.circlekeeper.core.template;
