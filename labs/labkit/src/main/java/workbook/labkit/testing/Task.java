package workbook.labkit.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The task of the lab sheet that a test checks. Put it on a test class (every test in it belongs to
 * that task) or on a single test method. The task's title, points and hints come from the lab sheet;
 * only its number is written here.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(TaskExtension.class)
public @interface Task {
    int value();
}
