/**
 * Member settings, the first capability: welcome and help, the member's time zone, language and
 * country, and the privacy pair {@code /mydata} and {@code /forgetme}, which walk every feature's
 * {@link org.circlekeeper.core.ref.PersonalData}.
 */
package org.circlekeeper.core.member;
