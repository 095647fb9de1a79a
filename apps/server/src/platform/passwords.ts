import { PASSWORD_MIN_LENGTH, passwordClasses } from '@jixiao/contracts';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from './errors.js';

/** argon2id with the library defaults (m=19 MiB, t=2, p=1: OWASP's recommended floor). */
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the user does not exist, so timing does not reveal usernames. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$gh7rJ8Z/+dKaM/d6+FJZpA$3ejM4DLob5x9ISBrF+FqgH42Rx1pa1RZ5LEMqrQ2ElY';

export function assertPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH || passwordClasses(password) < 3) {
    throw new AppError(
      'WEAK_PASSWORD',
      `${field}: at least ${PASSWORD_MIN_LENGTH} characters from at least 3 of lower case, upper case, digits and symbols`,
      [{ path: field, message: 'password policy not met' }],
    );
  }
}
