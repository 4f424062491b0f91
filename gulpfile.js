const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);

function copy(from, to) {
	return new Promise((resolve, reject) => {
		src(path.resolve(from, '**', '*.{png,svg}'), { encoding: false })
			.pipe(dest(path.resolve(to)))
			.on('finish', resolve)
			.on('error', reject);
	});
}

// Both copies must finish before the build counts as done (tests load dist/ right after).
function copyIcons() {
	return Promise.all([copy('nodes', 'dist/nodes'), copy('credentials', 'dist/credentials')]);
}
