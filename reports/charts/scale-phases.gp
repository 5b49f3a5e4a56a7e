# Time by phase — scale
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-phases.svg'
set title 'Time by phase — scale'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set xrange [-0.6:7.6]
set ylabel 'median time (s)'
set xtics ('bronze_append / 10k' 0, 'bronze_append / 10M' 1, 'delta_merge / 10k' 2, 'delta_merge / 10M' 3, 'eager_dedup / 10k' 4, 'eager_dedup / 10M' 5, 'polars_merge / 10k' 6, 'polars_merge / 10M' 7) rotate by -30
set label 'bronze_append / 10000 · total time (s): 38.2 ms [95% CI 34.9 ms–38.4 ms]' at -0.35, 0.03821038399837562 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000000 · total time (s): 11.5 s [95% CI 10.8 s–12.3 s]' at 0.65, 11.533697888997267 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000 · total time (s): 158 ms [95% CI 136 ms–162 ms]' at 1.65, 0.15797334099988802 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000000 · total time (s): 16.4 s [95% CI 15.8 s–18.3 s]' at 2.65, 16.39564052100104 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000 · total time (s): 33.6 ms [95% CI 32.7 ms–37.9 ms]' at 3.65, 0.033557103997736704 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000000 · total time (s): 11 s [95% CI 11 s–11.4 s]' at 4.65, 11.047689872000774 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000 · total time (s): 119 ms [95% CI 117 ms–126 ms]' at 5.65, 0.1185376469984476 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000000 · total time (s): 15.7 s [95% CI 14.3 s–18.3 s]' at 6.65, 15.709786646999419 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000 · wall time (s): 32.1 ms [95% CI 30.7 ms–33.4 ms]' at -0.21, 0.032099222000397276 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000000 · wall time (s): 8.52 s [95% CI 7.71 s–9.12 s]' at 0.79, 8.52203168000051 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000 · wall time (s): 141 ms [95% CI 122 ms–141 ms]' at 1.79, 0.140665421000449 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000000 · wall time (s): 13.5 s [95% CI 12.9 s–15 s]' at 2.79, 13.488290058998246 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000 · wall time (s): 29.2 ms [95% CI 28.3 ms–33.3 ms]' at 3.79, 0.029172657999879448 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000000 · wall time (s): 8.94 s [95% CI 8.84 s–9.13 s]' at 4.79, 8.938726356998814 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000 · wall time (s): 104 ms [95% CI 99.6 ms–109 ms]' at 5.79, 0.10421407100147917 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000000 · wall time (s): 13.2 s [95% CI 12.1 s–15.6 s]' at 6.79, 13.17389430700132 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000 · generation time (s): 1.43 ms [95% CI 1.42 ms–1.5 ms]' at -0.07, 0.0014342530084832106 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000000 · generation time (s): 1.72 s [95% CI 1.67 s–1.81 s]' at 0.93, 1.719833812003344 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000 · generation time (s): 1.78 ms [95% CI 1.43 ms–1.96 ms]' at 1.93, 0.0017767589997674804 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000000 · generation time (s): 1.68 s [95% CI 1.56 s–1.92 s]' at 2.93, 1.6836363739967055 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000 · generation time (s): 1.41 ms [95% CI 1.36 ms–1.78 ms]' at 3.93, 0.0014080729961278848 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000000 · generation time (s): 1.72 s [95% CI 1.69 s–1.9 s]' at 4.93, 1.7171602279995568 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000 · generation time (s): 1.68 ms [95% CI 1.43 ms–1.72 ms]' at 5.93, 0.0016774840041762218 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000000 · generation time (s): 1.73 s [95% CI 1.68 s–1.86 s]' at 6.93, 1.7304518549972272 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000 · hashing time (s): 2.25 ms [95% CI 2.17 ms–2.73 ms]' at 0.07, 0.0022481920022983104 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000000 · hashing time (s): 2.79 s [95% CI 2.34 s–2.92 s]' at 1.07, 2.7927046459954 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000 · hashing time (s): 2.81 ms [95% CI 2.74 ms–3.07 ms]' at 2.07, 0.002811117003147956 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000000 · hashing time (s): 2.69 s [95% CI 2.32 s–2.74 s]' at 3.07, 2.6871981489857717 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000 · hashing time (s): 2.22 ms [95% CI 2.15 ms–2.34 ms]' at 4.07, 0.002215880998846842 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000000 · hashing time (s): 2.41 s [95% CI 2.25 s–2.43 s]' at 5.07, 2.4109354150023137 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000 · hashing time (s): 2.77 ms [95% CI 2.58 ms–2.85 ms]' at 6.07, 0.0027723520033759996 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000000 · hashing time (s): 2.37 s [95% CI 2.34 s–2.49 s]' at 7.07, 2.3695218190005107 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 0.21, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000000 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 1.21, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000 · dedup time (s): 46.4 ms [95% CI 40 ms–47 ms]' at 2.21, 0.046358561998204095 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000000 · dedup time (s): 6.19 s [95% CI 5.35 s–6.22 s]' at 3.21, 6.1888155010019545 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000 · dedup time (s): 2.48 ms [95% CI 2.32 ms–2.96 ms]' at 4.21, 0.002479695005604299 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000000 · dedup time (s): 4.26 s [95% CI 4.25 s–4.3 s]' at 5.21, 4.261407238005631 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000 · dedup time (s): 2.5 ms [95% CI 2.38 ms–2.67 ms]' at 6.21, 0.002504740001313621 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000000 · dedup time (s): 4.94 s [95% CI 4.18 s–6.85 s]' at 7.21, 4.93826006400559 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000 · write time (s): 26.5 ms [95% CI 25.3 ms–30.1 ms]' at 0.35, 0.02651707600307418 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000000 · write time (s): 7.83 s [95% CI 7.01 s–8.37 s]' at 1.35, 7.833805548001692 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000 · write time (s): 87.6 ms [95% CI 76.8 ms–87.7 ms]' at 2.35, 0.08761461200629128 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000000 · write time (s): 6.4 s [95% CI 6.12 s–7.53 s]' at 3.35, 6.398864126000262 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000 · write time (s): 23.5 ms [95% CI 21.2 ms–26.3 ms]' at 4.35, 0.02346062300421181 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000000 · write time (s): 3.9 s [95% CI 3.67 s–4.01 s]' at 5.35, 3.8981261209992226 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000 · write time (s): 97.3 ms [95% CI 93.6 ms–101 ms]' at 6.35, 0.09733094499824801 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000000 · write time (s): 7.26 s [95% CI 6.92 s–7.46 s]' at 7.35, 7.260943196000881 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set boxwidth 0.1288
set yrange [0:20]
set ytics ('0 s' 0, '5 s' 5, '10 s' 10, '15 s' 15, '20 s' 20)
plot 'scale-phases.dat' index 0 using 1:2 with boxes fs pattern 2 border -1 lc rgb '#aa3377' title 'total time', \
     '' index 0 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 1 using 1:2 with boxes fs pattern 2 border -1 lc rgb '#555555' title 'wall time', \
     '' index 1 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 2 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#4477aa' title 'generation time', \
     '' index 2 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 3 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#ccbb44' title 'hashing time', \
     '' index 3 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 4 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#ee6677' title 'dedup time', \
     '' index 4 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 5 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#228833' title 'write time', \
     '' index 5 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'scale-phases.png'
replot
unset output
