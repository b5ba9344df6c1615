// Styles do not exist in jsdom; imports of .scss/.css resolve here.
export default {};
