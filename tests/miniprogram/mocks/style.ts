// CSS imports are side effects only.
export default {};
