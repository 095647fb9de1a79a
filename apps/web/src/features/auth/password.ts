import { newPassword, PASSWORD_MIN_LENGTH, passwordClasses } from '@jixiao/contracts';

export interface PasswordChecks {
  length: number;
  classes: number;
  longEnough: boolean;
  enoughClasses: boolean;
  ok: boolean;
}

/** The policy of @jixiao/contracts `newPassword`, split into the parts the hint shows. */
export function passwordChecks(pw: string): PasswordChecks {
  const length = [...pw].length;
  const classes = passwordClasses(pw);
  const longEnough = pw.length >= PASSWORD_MIN_LENGTH;
  const enoughClasses = classes >= 3;
  return {
    length,
    classes,
    longEnough,
    enoughClasses,
    ok: longEnough && enoughClasses && newPassword.safeParse(pw).success,
  };
}
