import { Button, type ButtonProps } from 'antd';

/** A button that runs a mutation (one without arguments), spinning while it is pending. */
export function MutateButton({
  mutation,
  ...props
}: Omit<ButtonProps, 'loading' | 'onClick'> & { mutation: { isPending: boolean; mutate: () => void } }) {
  return <Button loading={mutation.isPending} onClick={() => mutation.mutate()} {...props} />;
}
