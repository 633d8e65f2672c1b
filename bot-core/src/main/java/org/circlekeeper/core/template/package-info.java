/**
 * Every user-facing sentence comes from here: message keys declared in code with the values they
 * take, Mustache templates per locale from {@code templates/messages}, a deployment's override
 * folder, each community's own wording kept in the store, and the neutral
 * {@link org.circlekeeper.core.template.Markup} a rendered text is written in.
 */
package org.circlekeeper.core.template;
