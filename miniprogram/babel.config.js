// babel-preset-taro: Taro compiles the mini-program with Babel (tests use @swc/jest instead).
// This file sits in miniprogram/ because Taro runs with cwd miniprogram/ and Babel looks
// for babel.config.js in its root (the cwd).
module.exports = {
  presets: [
    ['taro', { framework: 'react', ts: true, compiler: 'webpack5' }],
  ],
};
