/** Time: the virtual clock that the console demo and tests move by hand. */
package org.circlekeeper.core.schedule;
