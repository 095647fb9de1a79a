import { Col, type ColProps, Form, type FormItemProps } from 'antd';
import { RequiredItem } from './RequiredItem.js';

/**
 * A form field in a column of a form's grid row (`xs`, `md`: its width by screen). `required`: it
 * must be filled in (`'text'`: spaces alone count as empty), said in the user's language.
 */
export function GridItem({
  xs,
  md,
  required,
  ...item
}: Omit<FormItemProps, 'required'> & Pick<ColProps, 'xs' | 'md'> & { required?: boolean | 'text' }) {
  return (
    <Col xs={xs} md={md}>
      {required ? <RequiredItem text={required === 'text'} {...item} /> : <Form.Item {...item} />}
    </Col>
  );
}
